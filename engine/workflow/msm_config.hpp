#pragma once
// Boost.MPL limits for the warning machine's 28-row table; must come before any Boost header.
// The same values are PRIVATE compile definitions of hg_engine so every translation unit agrees.
#ifndef BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#endif
#ifndef BOOST_MPL_LIMIT_VECTOR_SIZE
#define BOOST_MPL_LIMIT_VECTOR_SIZE 40
#endif
#ifndef BOOST_MPL_LIMIT_MAP_SIZE
#define BOOST_MPL_LIMIT_MAP_SIZE 40
#endif
