//! B4 季度付款申请: once every incentive of a quarter is final, the partner applies for the
//! quarter's payment. [`why_payment_refused`] is the one rule: the app disables the button
//! with its reason, the sandbox refuses with [`PaymentRefusal::code`].

use super::model::status;
use super::period::Quarter;
use crate::codes;
use crate::money::Amount;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

/// `GET`: the quarters of a year with their months' states.
pub const QUARTERS_PATH: &str = "/v2/partners/incentive-quarters";
/// `POST`: apply for a quarter's payment.
pub const APPLY_ROUTE: &str = "/v2/partners/incentive-quarters/{quarter}/payment-applications";

pub mod payment_status {
    pub const NOT_APPLIED: &str = "not_applied";
    /// 付款申请中.
    pub const APPLIED: &str = "applied";
    /// 已付款.
    pub const PAID: &str = "paid";
}

/// One month of a quarter: its incentive's status, `None` when nothing was applied for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterMonth {
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incentive_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterSummary {
    /// `YYYY-Qn`.
    pub quarter: String,
    pub months: Vec<QuarterMonth>,
    /// Sum of the quarter's final incentives.
    pub final_amount: Amount,
    pub currency: String,
    pub measure_id: i32,
    /// One of [`payment_status`].
    pub payment_status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    #[serde(default, with = "crate::time::wire_opt", skip_serializing_if = "Option::is_none")]
    pub applied_time: Option<Instant>,
}

crate::query_params! {
    /// The quarters of one year (default: the current one).
    pub struct ListQuartersRequest {
        pub year: Option<i32>,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListQuartersResponse {
    /// The server's time of this answer: the rules are applied as of then.
    #[serde(with = "crate::time::wire")]
    pub as_of: Instant,
    pub total_count: u64,
    pub quarters: Vec<QuarterSummary>,
}

/// `POST …/incentive-quarters/{quarter}/payment-applications` (empty body).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyPaymentRequest {
    pub quarter: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentApplication {
    pub application_id: String,
    pub quarter: String,
    pub amount: Amount,
    pub currency: String,
    pub payment_status: String,
    #[serde(with = "crate::time::wire")]
    pub create_time: Instant,
}

/// Why a quarter's payment cannot be applied for, checked in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentRefusal {
    /// The payment was applied for already.
    AlreadyApplied,
    /// Some months can still be applied for: apply first and apply for payment after their
    /// preliminary review, or wait to the 1st of the next quarter to give them up.
    MonthsStillOpen,
    /// Some monthly incentive is still in preliminary review (初审中).
    InReview,
    /// No monthly incentive of the quarter passed preliminary review.
    NonePassed,
    /// A passed incentive's bill still waits for confirmation (so not every one is final).
    BillsUnconfirmed,
}

impl PaymentRefusal {
    pub fn code(self) -> &'static str {
        match self {
            PaymentRefusal::AlreadyApplied => codes::PAYMENT_ALREADY_APPLIED,
            PaymentRefusal::MonthsStillOpen => codes::PAYMENT_MONTHS_OPEN,
            PaymentRefusal::InReview => codes::PAYMENT_IN_REVIEW,
            PaymentRefusal::NonePassed => codes::PAYMENT_NONE_PASSED,
            PaymentRefusal::BillsUnconfirmed => codes::PAYMENT_BILLS_UNCONFIRMED,
        }
    }

    pub fn from_code(code: &str) -> Option<PaymentRefusal> {
        use PaymentRefusal::*;
        [AlreadyApplied, MonthsStillOpen, InReview, NonePassed, BillsUnconfirmed].into_iter().find(|r| r.code() == code)
    }
}

/// The rule of B4, as of `now`. A quarter that has not begun has every month still open.
pub fn why_payment_refused(quarter: &QuarterSummary, now: Instant) -> Option<PaymentRefusal> {
    if quarter.payment_status != payment_status::NOT_APPLIED {
        return Some(PaymentRefusal::AlreadyApplied);
    }
    let Some(q) = Quarter::parse(&quarter.quarter) else { return Some(PaymentRefusal::MonthsStillOpen) };
    let statuses: Vec<Option<&str>> = q
        .months()
        .iter()
        .map(|p| {
            let p = p.to_string();
            quarter.months.iter().find(|m| m.period == p).and_then(|m| m.status.as_deref())
        })
        .collect();
    let open = |s: &Option<&str>| s.is_none_or(|s| s == status::DRAFT);
    if now < q.end() && statuses.iter().any(open) {
        return Some(PaymentRefusal::MonthsStillOpen);
    }
    let any = |want: &str| statuses.contains(&Some(want));
    if any(status::IN_REVIEW) {
        return Some(PaymentRefusal::InReview);
    }
    if !any(status::PASSED) && !any(status::FINAL) {
        return Some(PaymentRefusal::NonePassed);
    }
    if any(status::PASSED) {
        return Some(PaymentRefusal::BillsUnconfirmed);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_wire;
    use status::*;

    fn quarter(q: &str, months: [Option<&str>; 3]) -> QuarterSummary {
        let periods = Quarter::parse(q).unwrap().months();
        QuarterSummary {
            quarter: q.into(),
            months: periods
                .iter()
                .zip(months)
                .map(|(p, s)| QuarterMonth {
                    period: p.to_string(),
                    incentive_id: s.map(|_| format!("INC-{p}")),
                    status: s.map(String::from),
                })
                .collect(),
            final_amount: Amount::ZERO,
            currency: "CNY".into(),
            measure_id: 1,
            payment_status: payment_status::NOT_APPLIED.into(),
            application_id: None,
            applied_time: None,
        }
    }

    fn at(s: &str) -> Instant {
        parse_wire(s).unwrap()
    }

    #[test]
    fn every_final_or_rejected_quarter_may_be_paid() {
        let now = at("2026-11-20T00:00:00Z");
        assert_eq!(why_payment_refused(&quarter("2026-Q1", [Some(FINAL); 3]), now), None);
        assert_eq!(why_payment_refused(&quarter("2026-Q1", [Some(FINAL), Some(REJECTED), Some(FINAL)]), now), None);
    }

    #[test]
    fn each_refusal_in_order() {
        let now = at("2026-11-20T00:00:00Z");
        let r = |q: &str, m| why_payment_refused(&quarter(q, m), now);
        assert_eq!(r("2026-Q4", [Some(PASSED), Some(DRAFT), None]), Some(PaymentRefusal::MonthsStillOpen));
        assert_eq!(r("2026-Q2", [Some(FINAL), Some(IN_REVIEW), Some(PASSED)]), Some(PaymentRefusal::InReview));
        assert_eq!(r("2026-Q3", [Some(REJECTED); 3]), Some(PaymentRefusal::NonePassed));
        assert_eq!(r("2026-Q3", [Some(FINAL), Some(PASSED), Some(REJECTED)]), Some(PaymentRefusal::BillsUnconfirmed));
        // A quarter that has not begun: its months are all still open.
        assert_eq!(r("2027-Q1", [None, None, None]), Some(PaymentRefusal::MonthsStillOpen));
        let mut applied = quarter("2026-Q1", [Some(FINAL); 3]);
        applied.payment_status = payment_status::APPLIED.into();
        assert_eq!(why_payment_refused(&applied, now), Some(PaymentRefusal::AlreadyApplied));
    }

    #[test]
    fn from_the_1st_of_the_next_quarter_open_months_are_given_up() {
        let q = quarter("2026-Q3", [Some(FINAL), Some(DRAFT), None]);
        // 2026-10-01 00:00 in UTC+8 is 2026-09-30T16:00:00Z.
        assert_eq!(why_payment_refused(&q, at("2026-09-30T15:59:59Z")), Some(PaymentRefusal::MonthsStillOpen));
        assert_eq!(why_payment_refused(&q, at("2026-09-30T16:00:00Z")), None);
        // Given up, and nothing else passed.
        let none = quarter("2026-Q3", [Some(DRAFT), None, Some(REJECTED)]);
        assert_eq!(why_payment_refused(&none, at("2026-10-02T00:00:00Z")), Some(PaymentRefusal::NonePassed));
    }

    #[test]
    fn codes_read_back() {
        for r in [
            PaymentRefusal::AlreadyApplied,
            PaymentRefusal::MonthsStillOpen,
            PaymentRefusal::InReview,
            PaymentRefusal::NonePassed,
            PaymentRefusal::BillsUnconfirmed,
        ] {
            assert_eq!(PaymentRefusal::from_code(r.code()), Some(r));
        }
        assert_eq!(PaymentRefusal::from_code(codes::UNKNOWN), None);
    }
}
