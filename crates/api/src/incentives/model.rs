//! The monthly incentive of one reconciliation period (对账期次), as listed and in detail.

use super::period::Period;
use crate::money::Amount;
use crate::page::PageRequest;
use crate::time::Instant;
use crate::validate::{one_of, Violation};
use serde::{Deserialize, Serialize};

/// `GET`: the incentives of the partner, newest period first.
pub const LIST_PATH: &str = "/v2/partners/incentives";
/// `GET`: one incentive with its consumption, fees, products and other information.
pub const DETAIL_ROUTE: &str = "/v2/partners/incentives/{incentive_id}";

pub const MAX_ID_LEN: usize = 64;

/// `status`: where the monthly incentive stands in review.
pub mod status {
    /// Not applied for yet: the month can still be applied for.
    pub const DRAFT: &str = "draft";
    /// 初审中: in preliminary review.
    pub const IN_REVIEW: &str = "preliminary_review";
    /// 初审通过: passed preliminary review; its bill awaits the partner's confirmation.
    pub const PASSED: &str = "passed";
    /// 初审驳回: rejected in preliminary review.
    pub const REJECTED: &str = "rejected";
    /// 定稿: final (the bill was confirmed).
    pub const FINAL: &str = "final";
    pub const ALL: &[&str] = &[DRAFT, IN_REVIEW, PASSED, REJECTED, FINAL];
}

/// `bill_status`: the partner's answer to the bill of a passed incentive (确认账单).
pub mod bill_status {
    /// No bill yet (draft, in review, rejected in review).
    pub const NONE: &str = "none";
    /// 待确认: the bill waits for the partner.
    pub const PENDING: &str = "pending";
    /// 已确认.
    pub const CONFIRMED: &str = "confirmed";
    /// 已驳回: the partner rejected it; the incentive went back to preliminary review.
    pub const REJECTED: &str = "rejected";
    pub const ALL: &[&str] = &[NONE, PENDING, CONFIRMED, REJECTED];
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incentive {
    pub incentive_id: String,
    /// 对账期次 `YYYY-MM` (UTC+8).
    pub period: String,
    pub policy_name: String,
    /// One of [`status`].
    pub status: String,
    /// One of [`bill_status`].
    pub bill_status: String,
    pub incentive_amount: Amount,
    /// Consumption the incentive is computed on.
    pub consumption_amount: Amount,
    pub currency: String,
    pub measure_id: i32,
    /// Feedback threads on this period, and how many still wait for an answer.
    pub feedback_count: u32,
    pub unanswered_feedback_count: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_reject_reason: Option<String>,
    #[serde(default, with = "crate::time::wire_opt", skip_serializing_if = "Option::is_none")]
    pub bill_confirm_time: Option<Instant>,
    #[serde(with = "crate::time::wire")]
    pub update_time: Instant,
}

/// Consumption by cloud service (消费信息).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsumptionLine {
    pub service_type_code: String,
    pub service_type_name: String,
    pub customer_count: u32,
    pub consumption_amount: Amount,
}

/// `fee_type` of a fee line (费用信息).
pub mod fee_type {
    pub const BASE: &str = "base_incentive";
    pub const GROWTH: &str = "growth_incentive";
    pub const DEDUCTION: &str = "deduction";
    pub const ALL: &[&str] = &[BASE, GROWTH, DEDUCTION];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeeLine {
    /// One of [`fee_type`]; a deduction is negative.
    pub fee_type: String,
    pub amount: Amount,
}

/// Incentive by product (产品信息).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductLine {
    pub product_name: String,
    pub service_type_code: String,
    pub consumption_amount: Amount,
    /// The incentive rate in percent (`5.00` is 5 %).
    pub rate_percent: Amount,
    pub incentive_amount: Amount,
}

/// Other information (其他信息).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OtherInfo {
    pub settlement_entity: String,
    pub contract_no: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_remark: Option<String>,
    #[serde(default, with = "crate::time::wire_opt", skip_serializing_if = "Option::is_none")]
    pub review_time: Option<Instant>,
    #[serde(default, with = "crate::time::wire_opt", skip_serializing_if = "Option::is_none")]
    pub final_time: Option<Instant>,
}

/// One accepted bill decision; the history holds each once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BillEvent {
    /// `confirm` or `reject`.
    pub decision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub operator: String,
    #[serde(with = "crate::time::wire")]
    pub time: Instant,
}

/// The detail answer. (Nested, not flattened: flattening breaks exact JSON numbers.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncentiveDetail {
    pub incentive: Incentive,
    pub consumption: Vec<ConsumptionLine>,
    pub fees: Vec<FeeLine>,
    pub products: Vec<ProductLine>,
    pub other: OtherInfo,
    pub bill_history: Vec<BillEvent>,
}

crate::query_params! {
    /// The list's filters (all optional) and paging.
    pub struct ListIncentivesRequest {
        /// Periods from this month (inclusive), `YYYY-MM`.
        pub period_begin: Option<String>,
        /// Periods up to this month (inclusive).
        pub period_end: Option<String>,
        pub status: Option<String>,
        pub bill_status: Option<String>,
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

/// The list's filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncentiveFilter {
    pub periods: (Option<Period>, Option<Period>),
    pub page: PageRequest,
}

fn period_opt(name: &str, v: Option<&str>) -> Result<Option<Period>, Violation> {
    v.map(|s| Period::parse(s).ok_or_else(|| Violation::new(name, "must be a month YYYY-MM"))).transpose()
}

impl ListIncentivesRequest {
    pub fn check(&self) -> Result<IncentiveFilter, Violation> {
        let begin = period_opt("period_begin", self.period_begin.as_deref())?;
        let end = period_opt("period_end", self.period_end.as_deref())?;
        if let (Some(b), Some(e)) = (begin, end) {
            if b > e {
                return Err(Violation::new("period_begin", "must not be after period_end"));
            }
        }
        if let Some(s) = &self.status {
            one_of("status", s, status::ALL)?;
        }
        if let Some(s) = &self.bill_status {
            one_of("bill_status", s, bill_status::ALL)?;
        }
        Ok(IncentiveFilter { periods: (begin, end), page: PageRequest::from_raw(self.offset, self.limit)? })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIncentivesResponse {
    pub total_count: u64,
    pub incentives: Vec<Incentive>,
}

/// `GET /v2/partners/incentives/{incentive_id}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShowIncentiveRequest {
    pub incentive_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_filters_are_checked() {
        let ok = ListIncentivesRequest {
            period_begin: Some("2026-01".into()),
            period_end: Some("2026-03".into()),
            status: Some(status::PASSED.into()),
            ..Default::default()
        };
        assert_eq!(ok.check().unwrap().periods.0.unwrap().to_string(), "2026-01");
        assert_eq!(ok.to_query_string(), "period_begin=2026-01&period_end=2026-03&status=passed");
        let bad = |r: ListIncentivesRequest| r.check().unwrap_err().parameter;
        assert_eq!(
            bad(ListIncentivesRequest { period_begin: Some("2026-1".into()), ..Default::default() }),
            "period_begin"
        );
        let reversed = ListIncentivesRequest { period_end: Some("2025-12".into()), ..ok.clone() };
        assert_eq!(bad(reversed), "period_begin");
        assert_eq!(bad(ListIncentivesRequest { status: Some("done".into()), ..Default::default() }), "status");
        assert_eq!(bad(ListIncentivesRequest { bill_status: Some("x".into()), ..Default::default() }), "bill_status");
        assert_eq!(bad(ListIncentivesRequest { limit: Some(101), ..Default::default() }), "limit");
    }
}
