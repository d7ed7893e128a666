//! B3 激励明细 and B4 季度付款申请 (docs/contracts/incentives.md): the service partners'
//! monthly incentives, feedback threads, bill decisions and quarterly payment applications.
//! Seeded per partner account (seed.rs); a partner without a seed simply has none.
//! Service partners only (others 403 `CBC.0151`); admins and supervisors read and give
//! feedback, only admins decide bills and apply for payment; account managers see nothing.

mod handlers;
mod payment;
mod seed;

use crate::errors::ApiFailure;
use crate::store::{Data, PartnerIx};
use crate::visibility::Viewer;
use axum::Router;
use partner_api::incentives::feedback::Feedback;
use partner_api::incentives::model::IncentiveDetail;
use partner_api::incentives::payment::PaymentApplication;
use partner_api::profile::{partner_type, role};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// One partner's incentives and everything done with them.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Newest period first.
    pub incentives: Vec<IncentiveDetail>,
    /// Oldest first.
    pub feedbacks: Vec<Feedback>,
    /// By quarter (`YYYY-Qn`): the application and whether it was paid.
    pub applications: HashMap<String, (PaymentApplication, bool)>,
    /// Next number for new feedback and application ids.
    pub seq: u64,
}

impl Ledger {
    pub fn find(&self, incentive_id: &str) -> Option<usize> {
        self.incentives.iter().position(|d| d.incentive.incentive_id == incentive_id)
    }
}

/// Every partner's ledger.
pub struct Incentives {
    ledgers: Mutex<HashMap<PartnerIx, Ledger>>,
}

impl Incentives {
    pub fn seeded(data: &Data) -> Self {
        let ledgers = seed::ledgers()
            .into_iter()
            .filter_map(|(account, ledger)| data.partner_by_account(account).map(|p| (p, ledger)))
            .collect();
        Incentives { ledgers: Mutex::new(ledgers) }
    }

    pub fn lock(&self) -> MutexGuard<'_, HashMap<PartnerIx, Ledger>> {
        self.ledgers.lock().expect("incentives lock")
    }
}

/// Reading and giving feedback: a service partner's admin or supervisor.
fn require_reader(v: &Viewer) -> Result<(), ApiFailure> {
    if v.partner.partner_type != partner_type::SERVICE_PARTNER {
        return Err(ApiFailure::access_denied("incentives are for service partners only"));
    }
    if v.user.role == role::ACCOUNT_MANAGER {
        return Err(ApiFailure::access_denied("account managers cannot see the partner's incentives"));
    }
    Ok(())
}

/// Deciding bills and applying for payment: the admin.
fn require_admin(v: &Viewer) -> Result<(), ApiFailure> {
    require_reader(v)?;
    if v.is_admin() {
        Ok(())
    } else {
        Err(ApiFailure::access_denied(format!(
            "only the partner {} may confirm bills or apply for payment",
            role::ADMIN
        )))
    }
}

/// The incentive routes (behind the token check where mounted).
pub fn routes() -> Router<crate::store::AppState> {
    use crate::mount::MountEndpoint;
    use partner_api::incentives::calls::{DecideBill, ListFeedbacks, SendFeedback};
    use partner_api::incentives::model::{ListIncentivesRequest, ShowIncentiveRequest};
    use partner_api::incentives::payment::{ApplyPaymentRequest, ListQuartersRequest};
    Router::new()
        .endpoint::<ListIncentivesRequest, _, _>(handlers::list)
        .endpoint::<ShowIncentiveRequest, _, _>(handlers::detail)
        .endpoint::<ListFeedbacks, _, _>(handlers::feedbacks)
        .endpoint::<SendFeedback, _, _>(handlers::send_feedback)
        .endpoint::<DecideBill, _, _>(handlers::decide_bill)
        .endpoint::<ListQuartersRequest, _, _>(payment::quarters)
        .endpoint::<ApplyPaymentRequest, _, _>(payment::apply)
}
