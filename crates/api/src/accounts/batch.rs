//! Adjusting many customers (S11 batch 调账) so that each row is adjusted **at most once** and
//! nobody is told "done" when it was not.
//!
//! A1/A2 move money for one customer per call and have no idempotency key, so a call that ends
//! *ambiguously* — a timeout, a cut connection, a 5xx that may come after the commit — may or
//! may not have moved the money. The plan is a small state machine, saved by the app before
//! every call, sending one row at a time:
//!
//! - a clear answer settles the row: done (with its `transfer_id`/`trans_id`) or failed (code);
//! - an ambiguous outcome marks the row *unknown*; before anything else is sent, the A3 records
//!   of that customer, of the row's operation type, since the row's first attempt started, are
//!   read back ([`Next::Reconcile`]). A record of the same amount not already claimed by another
//!   row means it happened: done, never resent. None means it did not: the row goes back to
//!   pending, and only then may it be sent again;
//! - a plan reloaded after a crash or a closed tab treats a row that was in flight as unknown,
//!   so resuming always reconciles first;
//! - more than one matching record (the browser resent a POST by itself) is kept on the row as
//!   `extra` trans ids, for a person to look at, never hidden.
//!
//! Times are the **server's** (the app's `server_clock::now()`, from each answer's `Date`):
//! A3 `operation_time` is the server's clock, so the browser's cannot say which records are new.
//! [`CLOCK_MARGIN_SECS`] before the first attempt covers the `Date` header's whole seconds.

use super::adjust::{ReclaimToPartnerAccountRequest, UpdateCustomerAccountAmountRequest};
use super::records::{AdjustRecord, ListPartnerAdjustRecordsRequest};
use crate::money::Amount;
use crate::time::{to_wire, Instant};
use crate::ApiError;
use serde::{Deserialize, Serialize};

mod review;
mod rows;
pub use review::{review, Review, Reviewed, RowRefusal};
pub use rows::{cells, parse_rows, Direction, LineProblem, Parsed, Row, RowProblem, MAX_ROWS};

/// How far before a row's first attempt (server time) reconciliation looks for its record.
pub const CLOCK_MARGIN_SECS: i64 = 60;

/// Failure codes that may pass when tried again later (a top-up, throttling, a new sign-in);
/// the others need a change first (a referral customer stays one).
pub const RETRYABLE_CODES: &[&str] = &[
    crate::codes::INSUFFICIENT_BALANCE,
    crate::codes::INSUFFICIENT_BALANCE_OLD,
    crate::codes::THROTTLED,
    crate::codes::UNKNOWN,
    crate::codes::TOO_FREQUENT,
    crate::codes::TOKEN_INVALID,
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ItemState {
    Pending,
    /// Sent, no answer yet.
    Sending,
    /// Adjusted: A1's `transfer_id` or A2's `trans_id` (A3's `trans_id`).
    Done {
        trans_id: String,
    },
    Failed {
        code: String,
        message: String,
    },
    /// The outcome is not known: reconcile from A3 before anything is sent.
    Unknown {
        problem: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub row: Row,
    pub state: ItemState,
    /// Server time of the first attempt: every record this row may have caused is later.
    #[serde(default, with = "crate::time::wire_opt", skip_serializing_if = "Option::is_none")]
    pub first_attempt: Option<Instant>,
    #[serde(default)]
    pub attempts: u32,
    /// Further matching records beyond the one the row keeps: possible duplicates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<String>,
}

/// Everything needed to send, resume and reconcile (no token: it is saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub plan_id: String,
    /// A tier-1 adjusting its reseller's customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
    pub items: Vec<Item>,
}

/// One write to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    Allocate(UpdateCustomerAccountAmountRequest),
    Reclaim(ReclaimToPartnerAccountRequest),
}

/// What the caller must do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Send this call (the plan already marks the row in flight: save the plan first), then
    /// [`Plan::settle`] or [`Plan::fail`].
    Send { index: usize, call: Call },
    /// Read every page of this A3 query and pass the records to [`Plan::reconcile`].
    Reconcile { index: usize, query: ListPartnerAdjustRecordsRequest },
    /// A row is in flight: settle it first (sending another is never right).
    Wait,
    /// Nothing left to send.
    Finished,
}

/// Counts for the progress bar and the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub pending: usize,
    pub sending: usize,
    pub done: usize,
    pub failed: usize,
    pub unknown: usize,
}

impl Plan {
    /// A plan of these rows (a customer given twice keeps its first row).
    pub fn new(plan_id: String, rows: Vec<Row>, indirect_partner_id: Option<String>) -> Self {
        let mut seen = std::collections::HashSet::new();
        let items = rows
            .into_iter()
            .filter(|r| seen.insert(r.customer_id.clone()))
            .map(|row| Item { row, state: ItemState::Pending, first_attempt: None, attempts: 0, extra: Vec::new() })
            .collect();
        Plan { plan_id, indirect_partner_id, items }
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally { total: self.items.len(), ..Tally::default() };
        for i in &self.items {
            match i.state {
                ItemState::Pending => t.pending += 1,
                ItemState::Sending => t.sending += 1,
                ItemState::Done { .. } => t.done += 1,
                ItemState::Failed { .. } => t.failed += 1,
                ItemState::Unknown { .. } => t.unknown += 1,
            }
        }
        t
    }

    /// The sum of the rows going one way (for the confirmation: "allocate CNY 12,000.00").
    pub fn total(&self, direction: Direction) -> Amount {
        Amount(self.items.iter().filter(|i| i.row.direction == direction).map(|i| i.row.amount.0).sum())
    }

    /// After a reload: a row in flight when the page went away may or may not have moved.
    pub fn resume(&mut self) {
        for i in &mut self.items {
            if i.state == ItemState::Sending {
                i.state = ItemState::Unknown { problem: "the page was closed or reloaded during the call".into() };
            }
        }
    }

    /// The next step at server time `now`. Reconciliation always comes before sending.
    pub fn next(&mut self, now: Instant) -> Next {
        if let Some(index) = self.items.iter().position(|i| matches!(i.state, ItemState::Unknown { .. })) {
            return Next::Reconcile { index, query: self.reconcile_query(index) };
        }
        if self.items.iter().any(|i| i.state == ItemState::Sending) {
            return Next::Wait;
        }
        let Some(index) = self.items.iter().position(|i| i.state == ItemState::Pending) else {
            return Next::Finished;
        };
        let item = &mut self.items[index];
        item.state = ItemState::Sending;
        item.attempts += 1;
        item.first_attempt.get_or_insert(now);
        let (customer_id, amount) = (item.row.customer_id.clone(), item.row.amount);
        let indirect_partner_id = self.indirect_partner_id.clone();
        let call = match item.row.direction {
            Direction::Allocate => {
                Call::Allocate(UpdateCustomerAccountAmountRequest { customer_id, amount, indirect_partner_id })
            }
            Direction::Reclaim => {
                Call::Reclaim(ReclaimToPartnerAccountRequest { customer_id, amount, indirect_partner_id })
            }
        };
        Next::Send { index, call }
    }

    /// The earliest server time a record of this row can have.
    fn floor(&self, index: usize) -> Option<Instant> {
        self.items[index].first_attempt.map(|t| t - chrono::Duration::seconds(CLOCK_MARGIN_SECS))
    }

    /// The A3 query that finds this row's records: its customer, its operation type, since
    /// its first attempt (less the margin), the largest page.
    pub fn reconcile_query(&self, index: usize) -> ListPartnerAdjustRecordsRequest {
        let row = &self.items[index].row;
        ListPartnerAdjustRecordsRequest {
            customer_id: Some(row.customer_id.clone()),
            operation_type: Some(row.direction.operation_type().into()),
            operation_time_begin: self.floor(index).map(|t| to_wire(&t)),
            limit: Some(crate::page::MAX_LIMIT as i64),
            indirect_partner_id: self.indirect_partner_id.clone(),
            ..Default::default()
        }
    }

    /// A clear success: the id A1/A2 answered.
    pub fn settle(&mut self, index: usize, trans_id: &str) {
        if let Some(i) = self.items.get_mut(index).filter(|i| i.state == ItemState::Sending) {
            i.state = ItemState::Done { trans_id: trans_id.to_string() };
        }
    }

    /// The call failed. A clear refusal (4xx, or a 200 carrying a code) moved nothing;
    /// anything else (timeout, 5xx, network) might have, and is reconciled.
    pub fn fail(&mut self, index: usize, error: &ApiError) {
        use crate::ErrorKind::*;
        let definite = matches!(error.kind(), Invalid | Forbidden | Business | Unauthorized | Throttled);
        if let Some(i) = self.items.get_mut(index).filter(|i| i.state == ItemState::Sending) {
            i.state = if definite {
                ItemState::Failed { code: error.code.clone(), message: error.message.clone() }
            } else {
                ItemState::Unknown { problem: error.to_string() }
            };
        }
    }

    /// Every trans id some row already accounts for.
    fn claimed(&self) -> std::collections::HashSet<String> {
        let mut out = std::collections::HashSet::new();
        for i in &self.items {
            if let ItemState::Done { trans_id } = &i.state {
                out.insert(trans_id.clone());
            }
            out.extend(i.extra.iter().cloned());
        }
        out
    }

    /// Settles an unknown row from the A3 records of [`Plan::reconcile_query`] (all pages):
    /// the oldest unclaimed record of its customer, operation type and amount since the floor
    /// means done (more are kept as `extra`); none means it was not adjusted: pending again,
    /// safe to resend.
    pub fn reconcile(&mut self, index: usize, records: &[AdjustRecord]) {
        if !self.items.get(index).is_some_and(|i| matches!(i.state, ItemState::Unknown { .. })) {
            return;
        }
        let (claimed, floor) = (self.claimed(), self.floor(index));
        let row = &self.items[index].row;
        let mut found: Vec<&AdjustRecord> = records
            .iter()
            .filter(|r| {
                crate::customer_id::normalise(&r.customer_id) == row.customer_id.as_str()
                    && r.operation_type == row.direction.operation_type()
                    && r.amount == row.amount
                    && floor.is_none_or(|f| r.operation_time >= f)
                    && !claimed.contains(&r.trans_id)
            })
            .collect();
        found.sort_by(|a, b| a.operation_time.cmp(&b.operation_time).then_with(|| a.trans_id.cmp(&b.trans_id)));
        found.dedup_by(|a, b| a.trans_id == b.trans_id);
        let item = &mut self.items[index];
        match found.split_first() {
            None => item.state = ItemState::Pending,
            Some((first, more)) => {
                item.state = ItemState::Done { trans_id: first.trans_id.clone() };
                item.extra.extend(more.iter().map(|r| r.trans_id.clone()));
            }
        }
    }

    /// "Retry failed": rows that failed for a reason that may pass now go back to pending;
    /// done rows are never touched. Returns how many.
    pub fn retry_failed(&mut self) -> usize {
        let mut n = 0;
        for i in &mut self.items {
            if matches!(&i.state, ItemState::Failed { code, .. } if RETRYABLE_CODES.contains(&code.as_str())) {
                i.state = ItemState::Pending;
                n += 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests;
