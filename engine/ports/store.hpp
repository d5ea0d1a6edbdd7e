#pragma once
/// @file store.hpp
/// @brief Port: the repositories of one connection — a write job's (all in its transaction) or a
/// reader's (one consistent snapshot per query). The services see storage only through these.

#include "engine/ports/account_repository.hpp"
#include "engine/ports/batch_repository.hpp"
#include "engine/ports/delivery_repository.hpp"
#include "engine/ports/directive_repository.hpp"
#include "engine/ports/document_repository.hpp"
#include "engine/ports/episode_repository.hpp"
#include "engine/ports/evaluation_repository.hpp"
#include "engine/ports/forecast_repository.hpp"
#include "engine/ports/idempotency_repository.hpp"
#include "engine/ports/operations_repository.hpp"
#include "engine/ports/list_repository.hpp"
#include "engine/ports/observation_repository.hpp"
#include "engine/ports/order_repository.hpp"
#include "engine/ports/proposal_repository.hpp"
#include "engine/ports/timer_repository.hpp"
#include "engine/ports/progress_repository.hpp"
#include "engine/ports/public_alert_repository.hpp"
#include "engine/ports/roster_repository.hpp"
#include "engine/ports/sms_repository.hpp"
#include "engine/ports/token_repository.hpp"
#include "engine/ports/warning_repository.hpp"

namespace hazeguard::ports {

class Store {
public:
    virtual ~Store() = default;
    virtual OrderRepository& orders() = 0;
    virtual ForecastRepository& forecasts() = 0;
    virtual WarningRepository& warning() = 0;
    virtual IdempotencyRepository& idempotency() = 0;
    virtual BatchRepository& batches() = 0;
    virtual ProposalRepository& proposals() = 0;
    virtual DirectiveRepository& directives() = 0;
    virtual EpisodeRepository& episodes() = 0;
    virtual TimerRepository& timers() = 0;
    virtual TokenRepository& tokens() = 0;
    virtual EvaluationRepository& evaluation() = 0;
    virtual ProgressRepository& progress() = 0;
    virtual OperationsRepository& operations() = 0;
    virtual ListRepository& lists() = 0;
    virtual ObservationRepository& observations() = 0;
    virtual PublicAlertRepository& public_alerts() = 0;
    virtual DeliveryRepository& deliveries() = 0;
    virtual SmsRepository& sms() = 0;
    virtual RosterRepository& rosters() = 0;
    virtual DocumentRepository& documents() = 0;
    virtual AccountRepository& accounts() = 0;
};

}  // namespace hazeguard::ports
