//! Issuing vouchers and cash coupons to many customers so that nobody ever gets one twice and
//! nobody is told "issued" when it was not (S4, S7).
//!
//! V2 takes at most 100 customers per call and answers per customer. A call can also end
//! *ambiguously*: a timeout, a 5xx or a dropped connection may come after the server already
//! issued. So the plan is a small state machine, saved (by the app) before every call:
//!
//! - a batch is only sent when no earlier batch is unresolved;
//! - a clear answer settles each customer: issued (with its coupon id) or failed (with the code);
//! - an ambiguous outcome marks the batch's customers *unknown*; before anything else is sent,
//!   the issue records (V5) since the batch was sent are read back, and each unknown customer
//!   is either found issued or returned to *pending* — only then may it be sent again;
//! - a plan reloaded after a crash or a closed tab treats a batch that was in flight as
//!   ambiguous, so resuming always reconciles first and never resends blindly;
//! - records that show a customer holding more coupons from this plan than it should (a
//!   browser can resend a POST by itself, see docs/issuance.md) are reported as *extra*
//!   coupons on the customer's row, to be reclaimed by a person, never silently.
//!
//! **Which records belong to this plan.** V5 times are the *server's* clock (in the sandbox a
//! business clock that does not even follow the date), so the browser's clock cannot say
//! which records are new. The plan keeps a *floor* in server time instead: it starts at the
//! quota's `last_update_time` as V1 showed it before the plan began (issuing changes the
//! quota, so everything this plan issues comes later), and it rises to the time of the newest
//! record known to be this plan's (the records of the last settled batch, read by coupon id),
//! because a batch is only sent after the previous one was answered. No read is needed for
//! this unless a batch is ambiguous.

use crate::coupons::{
    operation_type, result as record_result, CouponRecord, CreatePartnerCouponsRequest, CreatePartnerCouponsResponse,
};
use crate::money::Amount;
use crate::time::Instant;
use crate::ApiError;
use serde::{Deserialize, Serialize};

pub const BATCH_SIZE: usize = crate::coupons::MAX_CUSTOMERS_PER_ISSUE;

/// Failure codes that may succeed when tried again later (quota topped up, throttling, a
/// moment of contention); the others need a change first.
pub const RETRYABLE_CODES: &[&str] = &[
    crate::codes::INSUFFICIENT_QUOTA,
    crate::codes::CONCURRENT_QUOTA_OPERATION,
    crate::codes::THROTTLED,
    crate::codes::UNKNOWN,
    crate::codes::TOO_FREQUENT,
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ItemState {
    Pending,
    /// Sent in this batch, no answer yet.
    Sending {
        batch: u32,
    },
    Issued {
        coupon_id: String,
    },
    Failed {
        code: String,
        message: String,
    },
    /// The batch's outcome is not known: must be reconciled before anything is resent.
    Unknown {
        batch: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub customer_id: String,
    /// Shown to people; not sent.
    pub label: String,
    pub state: ItemState,
    /// Coupons of this plan's quota and face value found for the customer beyond the one it
    /// should have: possible duplicates, shown and offered for reclaim (V4), never hidden.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraCoupon>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtraCoupon {
    pub coupon_id: String,
    #[serde(default)]
    pub reclaimed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatchState {
    InFlight,
    Settled,
    /// Needs reconciliation (timeout, 5xx, connection lost, page closed mid-call).
    Ambiguous,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub no: u32,
    pub customer_ids: Vec<String>,
    #[serde(with = "crate::time::wire")]
    pub sent_at: Instant,
    pub state: BatchState,
    /// What made it ambiguous, for the record.
    #[serde(default)]
    pub problem: Option<String>,
}

/// Everything needed to issue, resume and reconcile, without the token (it is saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub plan_id: String,
    /// The request every batch repeats, with `customer_ids` left empty.
    pub template: CreatePartnerCouponsRequest,
    pub quota_type: i32,
    pub items: Vec<Item>,
    pub batches: Vec<Batch>,
    /// Server-clock lower bound of every record this plan may have caused (see the module doc).
    #[serde(default, with = "crate::time::wire")]
    pub start_floor: Instant,
    /// The floor raised to this plan's newest known record.
    #[serde(default, with = "crate::time::wire")]
    pub floor: Instant,
    /// The last batch whose records the floor already accounts for.
    #[serde(default)]
    pub floor_batch: u32,
    /// The server refused a whole call (an error answer, not per-customer results): nothing
    /// of that batch was issued and nothing more is sent, since the next call would be refused
    /// the same way. The customers not issued are *not sent*, not failed one by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
}

/// A call refused as a whole: its code and message, and the batch it answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub batch: u32,
    pub code: String,
    pub message: String,
}

/// Counts for the progress bar and the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub pending: usize,
    pub sending: usize,
    pub issued: usize,
    pub failed: usize,
    pub unknown: usize,
    /// Never sent, or sent in a call refused as a whole ([`Plan::refused`]).
    pub not_sent: usize,
}

impl Tally {
    pub fn done(&self) -> usize {
        self.issued + self.failed
    }
}

/// What the caller must do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Send this batch (the plan already marks it in flight: save the plan first).
    Send { batch: u32, request: CreatePartnerCouponsRequest },
    /// First, if `anchor` is not empty, read the V5 records of these coupons (the last settled
    /// batch's, at most 100) and pass them to [`Plan::raise_floor`]; then read the V5 issue
    /// records of the quota from the floor ([`Plan::floor`]) and call [`Plan::reconcile`].
    Reconcile { batch: u32, anchor: Vec<String> },
    /// Nothing left to send.
    Finished,
}

impl Plan {
    /// `floor`: the quota's `last_update_time` as last read from V1 (server clock).
    pub fn new(
        plan_id: String,
        template: CreatePartnerCouponsRequest,
        quota_type: i32,
        customers: Vec<(String, String)>,
        floor: Instant,
    ) -> Self {
        let mut seen = std::collections::HashSet::new();
        let items = customers
            .into_iter()
            .filter(|(id, _)| seen.insert(id.clone()))
            .map(|(customer_id, label)| Item { customer_id, label, state: ItemState::Pending, extra: Vec::new() })
            .collect();
        Plan {
            plan_id,
            template: CreatePartnerCouponsRequest { customer_ids: Vec::new(), ..template },
            quota_type,
            items,
            batches: Vec::new(),
            start_floor: floor,
            floor,
            floor_batch: 0,
            refused: None,
        }
    }

    pub fn face_value(&self) -> Amount {
        self.template.face_value
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally { total: self.items.len(), ..Tally::default() };
        for i in &self.items {
            match i.state {
                ItemState::Pending if self.refused.is_some() => t.not_sent += 1,
                ItemState::Pending => t.pending += 1,
                ItemState::Sending { .. } => t.sending += 1,
                ItemState::Issued { .. } => t.issued += 1,
                ItemState::Failed { .. } => t.failed += 1,
                ItemState::Unknown { .. } => t.unknown += 1,
            }
        }
        t
    }

    /// Face value × customers still to be issued (pending, sending or unknown).
    pub fn amount_outstanding(&self) -> Amount {
        let t = self.tally();
        Amount(self.face_value().0 * rust_decimal::Decimal::from((t.pending + t.sending + t.unknown) as u64))
    }

    /// After a reload: a batch that was in flight when the page went away may or may not
    /// have been issued.
    pub fn resume(&mut self) {
        for b in &mut self.batches {
            if b.state == BatchState::InFlight {
                b.state = BatchState::Ambiguous;
                b.problem.get_or_insert_with(|| "the page was closed or reloaded during the call".into());
            }
        }
        for i in &mut self.items {
            if let ItemState::Sending { batch } = i.state {
                i.state = ItemState::Unknown { batch };
            }
        }
    }

    /// The next step. Reconciliation always comes before sending anything new.
    pub fn next(&mut self, now: Instant) -> Next {
        if let Some(b) = self.batches.iter().find(|b| b.state == BatchState::Ambiguous) {
            return Next::Reconcile { batch: b.no, anchor: self.anchor(b.no) };
        }
        if self.refused.is_some() {
            return Next::Finished;
        }
        if self.batches.iter().any(|b| b.state == BatchState::InFlight) {
            // The caller must settle the batch it sent first; sending another is never right.
            return Next::Finished;
        }
        let ids: Vec<String> = self
            .items
            .iter()
            .filter(|i| i.state == ItemState::Pending)
            .take(BATCH_SIZE)
            .map(|i| i.customer_id.clone())
            .collect();
        if ids.is_empty() {
            return Next::Finished;
        }
        let no = self.batches.len() as u32 + 1;
        for i in &mut self.items {
            if ids.contains(&i.customer_id) {
                i.state = ItemState::Sending { batch: no };
            }
        }
        self.batches.push(Batch {
            no,
            customer_ids: ids.clone(),
            sent_at: now,
            state: BatchState::InFlight,
            problem: None,
        });
        Next::Send { batch: no, request: CreatePartnerCouponsRequest { customer_ids: ids, ..self.template.clone() } }
    }

    fn batch_mut(&mut self, no: u32) -> Option<&mut Batch> {
        self.batches.iter_mut().find(|b| b.no == no)
    }

    fn set(&mut self, customer_id: &str, batch: u32, state: ItemState) {
        if let Some(i) = self.items.iter_mut().find(|i| i.customer_id == customer_id) {
            let ours =
                matches!(i.state, ItemState::Sending { batch: b } | ItemState::Unknown { batch: b } if b == batch);
            if ours {
                i.state = state;
            }
        }
    }

    /// A clear HTTP 200 answer: per-customer results. A customer of the batch that the answer
    /// does not mention is treated as unknown and reconciled.
    pub fn settle(&mut self, batch: u32, answer: &CreatePartnerCouponsResponse) {
        for c in &answer.coupon_infos {
            self.set(&c.id, batch, ItemState::Issued { coupon_id: c.coupon_id.clone() });
        }
        for e in &answer.error_details {
            self.set(&e.id, batch, ItemState::Failed { code: e.error_code.clone(), message: e.error_msg.clone() });
        }
        let mut unmentioned = false;
        for i in &mut self.items {
            if i.state == (ItemState::Sending { batch }) {
                i.state = ItemState::Unknown { batch };
                unmentioned = true;
            }
        }
        if let Some(b) = self.batch_mut(batch) {
            if unmentioned {
                b.state = BatchState::Ambiguous;
                b.problem = Some("the answer did not mention every customer".into());
            } else {
                b.state = BatchState::Settled;
            }
        }
    }

    /// The call failed. A clear rejection (4xx, or a 200 business failure for the whole call)
    /// issued nothing and stops the plan ([`Plan::refused`]); anything else (timeout, 5xx, network) might have, and is reconciled.
    pub fn fail(&mut self, batch: u32, error: &ApiError) {
        use crate::ErrorKind::*;
        let definite = matches!(error.kind(), Invalid | Forbidden | Business | Unauthorized | Throttled);
        for i in &mut self.items {
            if i.state == (ItemState::Sending { batch }) {
                // Refused as a whole: back to pending, counted as not sent while refused.
                i.state = if definite { ItemState::Pending } else { ItemState::Unknown { batch } };
            }
        }
        if definite {
            self.refused = Some(Refusal { batch, code: error.code.clone(), message: error.message.clone() });
        }
        if let Some(b) = self.batch_mut(batch) {
            if definite {
                b.state = BatchState::Settled;
            } else {
                b.state = BatchState::Ambiguous;
                b.problem = Some(error.to_string());
            }
        }
    }
}

pub mod form;
mod reconcile;

#[cfg(test)]
mod tests;
