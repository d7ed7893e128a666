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
        }
    }

    pub fn face_value(&self) -> Amount {
        self.template.face_value
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally { total: self.items.len(), ..Tally::default() };
        for i in &self.items {
            match i.state {
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
    /// issued nothing; anything else (timeout, 5xx, network) might have, and is reconciled.
    pub fn fail(&mut self, batch: u32, error: &ApiError) {
        use crate::ErrorKind::*;
        let definite = matches!(error.kind(), Invalid | Forbidden | Business | Unauthorized | Throttled);
        for i in &mut self.items {
            if i.state == (ItemState::Sending { batch }) {
                i.state = if definite {
                    ItemState::Failed { code: error.code.clone(), message: error.message.clone() }
                } else {
                    ItemState::Unknown { batch }
                };
            }
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

    /// The coupons of the newest batch before `batch` that issued any, if the floor does not
    /// already account for it (their records' times raise the floor).
    fn anchor(&self, batch: u32) -> Vec<String> {
        let Some(b) = self
            .batches
            .iter()
            .rev()
            .filter(|b| b.no < batch && b.no > self.floor_batch && b.state == BatchState::Settled)
            .find(|b| self.coupons_of_batch(b).next().is_some())
        else {
            return Vec::new();
        };
        self.coupons_of_batch(b).take(crate::coupons::MAX_COUPON_IDS).collect()
    }

    fn coupons_of_batch<'a>(&'a self, b: &'a Batch) -> impl Iterator<Item = String> + 'a {
        self.items.iter().filter(|i| b.customer_ids.contains(&i.customer_id)).filter_map(|i| match &i.state {
            ItemState::Issued { coupon_id } => Some(coupon_id.clone()),
            _ => None,
        })
    }

    /// Raises the floor to the newest of these records that is one of this plan's coupons
    /// (the anchor read of [`Next::Reconcile`]).
    pub fn raise_floor(&mut self, batch: u32, records: &[CouponRecord]) {
        let ours = self.issued_coupons();
        if let Some(t) = records
            .iter()
            .filter(|r| r.coupon_id.as_ref().is_some_and(|c| ours.contains(c)))
            .map(|r| r.operation_time)
            .max()
        {
            self.floor = self.floor.max(t);
        }
        let before = self.batches.iter().filter(|b| b.no < batch).map(|b| b.no).max().unwrap_or(0);
        self.floor_batch = self.floor_batch.max(before);
    }

    fn issued_coupons(&self) -> std::collections::HashSet<String> {
        let mut out = std::collections::HashSet::new();
        for i in &self.items {
            if let ItemState::Issued { coupon_id } = &i.state {
                out.insert(coupon_id.clone());
            }
            out.extend(i.extra.iter().map(|e| e.coupon_id.clone()));
        }
        out
    }

    /// Successful issue records of this plan's quota and face value at or after `since`.
    fn candidates<'a>(&self, records: &'a [CouponRecord], since: Instant) -> Vec<&'a CouponRecord> {
        let face = self.face_value();
        let mut v: Vec<&CouponRecord> = records
            .iter()
            .filter(|r| {
                r.operation_type == operation_type::ISSUE
                    && r.result == record_result::SUCCESS
                    && r.quota_id == self.template.quota_id
                    && r.operation_amount == face
                    && r.operation_time >= since
                    && r.coupon_id.is_some()
            })
            .collect();
        // Oldest first: the first coupon a customer got is the one it keeps.
        v.sort_by(|a, b| a.operation_time.cmp(&b.operation_time).then_with(|| a.id.cmp(&b.id)));
        v.dedup_by(|a, b| a.coupon_id == b.coupon_id);
        v
    }

    /// Settles an ambiguous batch from the quota's V5 issue records since the floor (all pages
    /// of them): a customer with a successful issue record of this face value is issued (each
    /// record used once); the others were not issued and go back to pending. More than one
    /// such record for a customer means extra coupons, which are reported on its row.
    pub fn reconcile(&mut self, batch: u32, records: &[CouponRecord]) {
        if !self.batches.iter().any(|b| b.no == batch) {
            return;
        }
        let candidates = self.candidates(records, self.floor);
        let mut claimed = self.issued_coupons();
        let unknown: Vec<String> = self
            .items
            .iter()
            .filter(|i| i.state == (ItemState::Unknown { batch }))
            .map(|i| i.customer_id.clone())
            .collect();
        let mut newest = None;
        for customer in unknown {
            let mut found: Vec<&CouponRecord> = candidates
                .iter()
                .copied()
                .filter(|r| r.customer_id == customer && r.coupon_id.as_ref().is_some_and(|c| !claimed.contains(c)))
                .collect();
            let state = if found.is_empty() {
                ItemState::Pending
            } else {
                let first = found.remove(0);
                newest = newest.max(Some(first.operation_time));
                let coupon_id = first.coupon_id.clone().unwrap_or_default();
                claimed.insert(coupon_id.clone());
                let extra: Vec<ExtraCoupon> = found
                    .iter()
                    .filter_map(|r| r.coupon_id.clone())
                    .map(|coupon_id| ExtraCoupon { coupon_id, reclaimed: false })
                    .collect();
                claimed.extend(extra.iter().map(|e| e.coupon_id.clone()));
                if let Some(i) = self.items.iter_mut().find(|i| i.customer_id == customer) {
                    i.extra.extend(extra);
                }
                ItemState::Issued { coupon_id }
            };
            self.set(&customer, batch, state);
        }
        if let Some(b) = self.batch_mut(batch) {
            b.state = BatchState::Settled;
        }
        // What was found issued is this plan's: later batches come after it.
        if let Some(t) = newest {
            self.floor = self.floor.max(t);
        }
        self.find_extra(records);
    }

    /// Looks through issue records (since [`Plan::start_floor`]) for coupons of this plan's
    /// quota and face value that no customer's result accounts for, for customers this plan
    /// issued to: extra coupons (e.g. a request the browser resent by itself). Returns how
    /// many new ones were found; they are added to the customers' rows.
    pub fn find_extra(&mut self, records: &[CouponRecord]) -> usize {
        let candidates = self.candidates(records, self.start_floor);
        let known = self.issued_coupons();
        let mut n = 0;
        for r in candidates {
            let Some(coupon_id) = r.coupon_id.clone() else { continue };
            if known.contains(&coupon_id) {
                continue;
            }
            if let Some(i) = self
                .items
                .iter_mut()
                .find(|i| i.customer_id == r.customer_id && matches!(i.state, ItemState::Issued { .. }))
            {
                i.extra.push(ExtraCoupon { coupon_id, reclaimed: false });
                n += 1;
            }
        }
        n
    }

    /// An extra coupon was reclaimed (V4 answered 204, or it was already reclaimed).
    pub fn extra_reclaimed(&mut self, coupon_id: &str) {
        for i in &mut self.items {
            for e in &mut i.extra {
                if e.coupon_id == coupon_id {
                    e.reclaimed = true;
                }
            }
        }
    }

    /// Extra coupons not reclaimed yet.
    pub fn extra_outstanding(&self) -> usize {
        self.items.iter().flat_map(|i| &i.extra).filter(|e| !e.reclaimed).count()
    }

    /// "Retry failed": only customers that failed for a reason that may pass now go back to
    /// pending; issued ones are never touched.
    pub fn retry_failed(&mut self) -> usize {
        let mut n = 0;
        for i in &mut self.items {
            if let ItemState::Failed { code, .. } = &i.state {
                if RETRYABLE_CODES.contains(&code.as_str()) {
                    i.state = ItemState::Pending;
                    n += 1;
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coupons::CouponInfo;
    use crate::error::{parse_error, ErrorDetail};
    use crate::time::parse_wire;

    fn t(s: &str) -> Instant {
        parse_wire(s).unwrap()
    }

    fn plan(n: usize) -> Plan {
        let template = CreatePartnerCouponsRequest {
            quota_id: "q1".into(),
            face_value: Amount::from_cents(10_000),
            ..Default::default()
        };
        let customers = (0..n).map(|i| (format!("c{i}"), format!("Customer {i}"))).collect();
        Plan::new("p1".into(), template, 0, customers, t("2026-11-25T09:59:00Z"))
    }

    fn send(p: &mut Plan, now: &str) -> (u32, Vec<String>) {
        match p.next(t(now)) {
            Next::Send { batch, request } => (batch, request.customer_ids),
            other => panic!("expected Send, got {other:?}"),
        }
    }

    fn record(customer: &str, coupon: &str, at: &str) -> CouponRecord {
        CouponRecord {
            id: format!("r-{coupon}"),
            operation_type: "1".into(),
            quota_id: "q1".into(),
            quota_type: 0,
            coupon_id: Some(coupon.into()),
            customer_id: customer.into(),
            operation_amount: Amount::from_cents(10_000),
            operation_time: t(at),
            result: "0".into(),
            remark: None,
        }
    }

    #[test]
    fn batches_of_at_most_100_and_duplicates_dropped() {
        let mut customers: Vec<(String, String)> = (0..250).map(|i| (format!("c{i}"), String::new())).collect();
        customers.push(("c1".into(), String::new()));
        let mut p = Plan::new("p".into(), plan(0).template, 0, customers, Instant::default());
        assert_eq!(p.tally().total, 250);
        let (b1, ids) = send(&mut p, "2026-11-25T10:00:00Z");
        assert_eq!((b1, ids.len()), (1, 100));
        // Nothing else goes out while batch 1 is unsettled.
        assert_eq!(p.next(t("2026-11-25T10:00:01Z")), Next::Finished);
        p.settle(
            1,
            &CreatePartnerCouponsResponse {
                coupon_infos: ids.iter().map(|c| CouponInfo { id: c.clone(), coupon_id: format!("k-{c}") }).collect(),
                error_details: vec![],
            },
        );
        let (b2, ids2) = send(&mut p, "2026-11-25T10:00:02Z");
        assert_eq!((b2, ids2.len(), ids2[0].as_str()), (2, 100, "c100"));
    }

    #[test]
    fn partial_success_and_retry_failed_only_retries_what_did_not_issue() {
        let mut p = plan(3);
        let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
        p.settle(
            b,
            &CreatePartnerCouponsResponse {
                coupon_infos: vec![CouponInfo { id: "c0".into(), coupon_id: "k0".into() }],
                error_details: vec![
                    ErrorDetail {
                        error_code: crate::codes::INSUFFICIENT_QUOTA.into(),
                        error_msg: "insufficient quota".into(),
                        id: "c1".into(),
                    },
                    ErrorDetail {
                        error_code: crate::codes::NOT_WHITELISTED.into(),
                        error_msg: "not whitelisted".into(),
                        id: "c2".into(),
                    },
                ],
            },
        );
        assert_eq!(p.tally(), Tally { total: 3, issued: 1, failed: 2, ..Tally::default() });
        assert_eq!(p.retry_failed(), 1, "only the retryable failure");
        let (_, ids) = send(&mut p, "2026-11-25T10:01:00Z");
        assert_eq!(ids, vec!["c1"]);
    }

    #[test]
    fn ambiguous_batch_is_reconciled_before_anything_is_resent() {
        let mut p = plan(4);
        let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
        p.fail(b, &parse_error(503, "", Some("req-1".into())));
        assert_eq!(p.tally().unknown, 4);
        // Reconcile first, with the records since the floor (nothing settled before: no anchor).
        match p.next(t("2026-11-25T10:00:30Z")) {
            Next::Reconcile { batch, anchor } => {
                assert_eq!(batch, 1);
                assert!(anchor.is_empty());
                assert_eq!(p.floor, t("2026-11-25T09:59:00Z"));
            }
            other => panic!("expected Reconcile, got {other:?}"),
        }
        let records = vec![
            record("c0", "k0", "2026-11-25T10:00:01Z"),
            record("c2", "k2", "2026-11-25T10:00:01Z"),
            // An old coupon of c3 from before this batch does not count.
            record("c3", "old", "2026-11-20T10:00:00Z"),
        ];
        p.reconcile(1, &records);
        let states: Vec<&ItemState> = p.items.iter().map(|i| &i.state).collect();
        assert_eq!(states[0], &ItemState::Issued { coupon_id: "k0".into() });
        assert_eq!(states[1], &ItemState::Pending);
        assert_eq!(states[2], &ItemState::Issued { coupon_id: "k2".into() });
        assert_eq!(states[3], &ItemState::Pending);
        // Only the two that were not issued are sent again.
        let (_, ids) = send(&mut p, "2026-11-25T10:01:00Z");
        assert_eq!(ids, vec!["c1", "c3"]);
    }

    #[test]
    fn a_reload_mid_call_resumes_by_reconciling() {
        let mut p = plan(2);
        send(&mut p, "2026-11-25T10:00:00Z");
        let saved = serde_json::to_string(&p).unwrap();
        let mut back: Plan = serde_json::from_str(&saved).unwrap();
        back.resume();
        assert_eq!(back.tally().unknown, 2);
        assert!(matches!(back.next(t("2026-11-25T11:00:00Z")), Next::Reconcile { batch: 1, .. }));
        back.reconcile(1, &[record("c1", "k1", "2026-11-25T10:00:00Z")]);
        assert_eq!(back.items[1].state, ItemState::Issued { coupon_id: "k1".into() });
        let (_, ids) = send(&mut back, "2026-11-25T11:00:01Z");
        assert_eq!(ids, vec!["c0"]);
    }

    #[test]
    fn definite_rejections_issue_nothing_and_are_not_reconciled() {
        let mut p = plan(2);
        let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
        p.fail(b, &parse_error(400, r#"{"error_code":"CBC.99000017","error_msg":"quota expired"}"#, None));
        assert_eq!(p.tally().failed, 2);
        assert_eq!(p.next(t("2026-11-25T10:00:01Z")), Next::Finished);
    }

    #[test]
    fn an_answer_that_skips_a_customer_is_reconciled() {
        let mut p = plan(2);
        let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
        p.settle(
            b,
            &CreatePartnerCouponsResponse {
                coupon_infos: vec![CouponInfo { id: "c0".into(), coupon_id: "k0".into() }],
                error_details: vec![],
            },
        );
        assert!(matches!(p.next(t("2026-11-25T10:00:01Z")), Next::Reconcile { batch: 1, .. }));
    }

    #[test]
    fn a_record_explains_at_most_one_customer_and_amounts_must_match() {
        let mut p = plan(2);
        let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
        p.fail(b, &ApiError::network("connection reset"));
        let mut other_amount = record("c1", "k9", "2026-11-25T10:00:01Z");
        other_amount.operation_amount = Amount::from_cents(5_000);
        p.reconcile(1, &[record("c0", "k0", "2026-11-25T10:00:01Z"), other_amount]);
        assert_eq!(p.items[0].state, ItemState::Issued { coupon_id: "k0".into() });
        assert_eq!(p.items[1].state, ItemState::Pending);
        assert_eq!(p.amount_outstanding(), Amount::from_cents(10_000));
    }

    fn answer(ids: &[String]) -> CreatePartnerCouponsResponse {
        CreatePartnerCouponsResponse {
            coupon_infos: ids.iter().map(|c| CouponInfo { id: c.clone(), coupon_id: format!("k-{c}") }).collect(),
            error_details: vec![],
        }
    }

    #[test]
    fn the_floor_is_server_time_and_rises_with_the_last_settled_batch() {
        // The browser's clock is days off the server's: only server times are compared.
        let mut p = plan(200);
        let (b1, ids1) = send(&mut p, "2030-01-01T00:00:00Z");
        p.settle(b1, &answer(&ids1));
        let (b2, _) = send(&mut p, "2030-01-01T00:00:05Z");
        p.fail(b2, &ApiError::timeout());
        // The anchor is batch 1's coupons: their records tell the server time before batch 2.
        let Next::Reconcile { batch: 2, anchor } = p.next(t("2030-01-01T00:00:09Z")) else { panic!() };
        assert_eq!(anchor.len(), 100);
        assert_eq!(anchor[0], "k-c0");
        let batch1: Vec<CouponRecord> =
            ids1.iter().map(|c| record(c, &format!("k-{c}"), "2026-11-25T10:03:00Z")).collect();
        p.raise_floor(2, &batch1);
        assert_eq!(p.floor, t("2026-11-25T10:03:00Z"));
        // Asked again, no anchor: the floor already accounts for batch 1.
        assert!(
            matches!(p.next(t("2030-01-01T00:00:10Z")), Next::Reconcile { batch: 2, ref anchor } if anchor.is_empty())
        );
        // c100 got a coupon of this face value earlier today (another issuance): not this plan's.
        let records = vec![
            record("c100", "old", "2026-11-25T10:01:00Z"),
            record("c101", "k101", "2026-11-25T10:03:00Z"),
            record("c102", "k102", "2026-11-25T10:03:01Z"),
        ];
        p.reconcile(2, &records);
        assert_eq!(p.items[100].state, ItemState::Pending);
        assert_eq!(p.items[101].state, ItemState::Issued { coupon_id: "k101".into() });
        assert_eq!(p.items[102].state, ItemState::Issued { coupon_id: "k102".into() });
        assert_eq!(p.floor, t("2026-11-25T10:03:01Z"));
        assert_eq!(p.extra_outstanding(), 0);
    }

    #[test]
    fn two_coupons_for_one_customer_are_reported_as_extra_never_hidden() {
        let mut p = plan(2);
        let (b, _) = send(&mut p, "2026-11-25T10:00:00Z");
        p.fail(b, &ApiError::network("connection reset"));
        // The request was processed twice (a browser resent it): c0 has two coupons.
        p.reconcile(
            1,
            &[
                record("c0", "k0-second", "2026-11-25T10:00:02Z"),
                record("c0", "k0", "2026-11-25T10:00:01Z"),
                record("c1", "k1", "2026-11-25T10:00:01Z"),
            ],
        );
        assert_eq!(p.items[0].state, ItemState::Issued { coupon_id: "k0".into() }, "the first one is kept");
        assert_eq!(p.items[0].extra, vec![ExtraCoupon { coupon_id: "k0-second".into(), reclaimed: false }]);
        assert_eq!(p.items[1].extra, vec![]);
        assert_eq!(p.extra_outstanding(), 1);
        p.extra_reclaimed("k0-second");
        assert_eq!(p.extra_outstanding(), 0);
        // Saved and loaded (older saved plans have no `extra`).
        let back: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn a_silent_resend_is_found_by_checking_the_records() {
        // The answer the page saw names k0; the server also issued k0-first on the first try.
        let mut p = plan(2);
        let (b, ids) = send(&mut p, "2026-11-25T10:00:00Z");
        p.settle(b, &answer(&ids));
        let records = vec![
            record("c0", "k0-first", "2026-11-25T10:00:01Z"),
            record("c0", "k-c0", "2026-11-25T10:00:01Z"),
            record("c1", "k-c1", "2026-11-25T10:00:01Z"),
            // Before the plan began: not counted.
            record("c1", "older", "2026-11-25T09:00:00Z"),
        ];
        assert_eq!(p.find_extra(&records), 1);
        assert_eq!(p.items[0].extra, vec![ExtraCoupon { coupon_id: "k0-first".into(), reclaimed: false }]);
        assert_eq!(p.find_extra(&records), 0, "found once");
    }
}
