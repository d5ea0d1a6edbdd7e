#include "engine/orders/order_content.hpp"
