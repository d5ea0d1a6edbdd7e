#pragma once
/// @file sqlite_store.hpp
/// @brief ports::Store for one SQLite connection: its repositories share its statement cache.

#include <memory>

#include "engine/ports/store.hpp"
#include "engine/storage/sqlite/sqlite_account_repository.hpp"
#include "engine/storage/sqlite/sqlite_batch_repository.hpp"
#include "engine/storage/sqlite/sqlite_delivery_repository.hpp"
#include "engine/storage/sqlite/sqlite_document_repository.hpp"
#include "engine/storage/sqlite/sqlite_evaluation_repository.hpp"
#include "engine/storage/sqlite/sqlite_list_repository.hpp"
#include "engine/storage/sqlite/sqlite_observation_repository.hpp"
#include "engine/storage/sqlite/sqlite_order_repository.hpp"
#include "engine/storage/sqlite/sqlite_progress_repository.hpp"
#include "engine/storage/sqlite/sqlite_public_alert_repository.hpp"
#include "engine/storage/sqlite/sqlite_roster_repository.hpp"
#include "engine/storage/sqlite/sqlite_small_repositories.hpp"
#include "engine/storage/sqlite/sqlite_sms_repository.hpp"
#include "engine/storage/sqlite/sqlite_workflow_repositories.hpp"
#include "engine/storage/sqlite/sqlite_token_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteStore final : public ports::Store {
public:
    explicit SqliteStore(SQLite::Database& db)
        : statements_(db), orders_(statements_), forecasts_(statements_), warning_(statements_),
          idempotency_(statements_), batches_(statements_), proposals_(statements_), directives_(statements_),
          episodes_(statements_), timers_(statements_), tokens_(statements_), evaluation_(statements_),
          progress_(statements_), operations_(statements_), lists_(statements_), observations_(statements_), public_alerts_(statements_), deliveries_(statements_), sms_(statements_),
          rosters_(statements_), documents_(statements_), accounts_(statements_) {}
    ports::OrderRepository& orders() override { return orders_; }
    ports::ForecastRepository& forecasts() override { return forecasts_; }
    ports::WarningRepository& warning() override { return warning_; }
    ports::IdempotencyRepository& idempotency() override { return idempotency_; }
    ports::BatchRepository& batches() override { return batches_; }
    ports::ProposalRepository& proposals() override { return proposals_; }
    ports::DirectiveRepository& directives() override { return directives_; }
    ports::EpisodeRepository& episodes() override { return episodes_; }
    ports::TimerRepository& timers() override { return timers_; }
    ports::TokenRepository& tokens() override { return tokens_; }
    ports::EvaluationRepository& evaluation() override { return evaluation_; }
    ports::ProgressRepository& progress() override { return progress_; }
    ports::OperationsRepository& operations() override { return operations_; }
    ports::ListRepository& lists() override { return lists_; }
    ports::ObservationRepository& observations() override { return observations_; }
    ports::PublicAlertRepository& public_alerts() override { return public_alerts_; }
    ports::DeliveryRepository& deliveries() override { return deliveries_; }
    ports::SmsRepository& sms() override { return sms_; }
    ports::RosterRepository& rosters() override { return rosters_; }
    ports::DocumentRepository& documents() override { return documents_; }
    ports::AccountRepository& accounts() override { return accounts_; }
    /// @brief Called when a job or query ends (statement_cache.hpp).
    void release() { statements_.reset_all(); }
    /// @brief Runs `f` on this store, then releases it (also when `f` throws).
    template <class F>
    void run(F const& f) {
        struct Release {
            SqliteStore& store;
            ~Release() { store.release(); }
        } const release{*this};
        f(static_cast<ports::Store&>(*this));
    }

private:
    StatementCache statements_;
    SqliteOrderRepository orders_;
    SqliteForecastRepository forecasts_;
    SqliteWarningRepository warning_;
    SqliteIdempotencyRepository idempotency_;
    SqliteBatchRepository batches_;
    SqliteProposalRepository proposals_;
    SqliteDirectiveRepository directives_;
    SqliteEpisodeRepository episodes_;
    SqliteTimerRepository timers_;
    SqliteTokenRepository tokens_;
    SqliteEvaluationRepository evaluation_;
    SqliteProgressRepository progress_;
    SqliteOperationsRepository operations_;
    SqliteListRepository lists_;
    SqliteObservationRepository observations_;
    SqlitePublicAlertRepository public_alerts_;
    SqliteDeliveryRepository deliveries_;
    SqliteSmsRepository sms_;
    SqliteRosterRepository rosters_;
    SqliteDocumentRepository documents_;
    SqliteAccountRepository accounts_;
};

}  // namespace hazeguard::storage
