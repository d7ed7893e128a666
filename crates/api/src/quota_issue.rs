//! Issuing quotas to resellers (Q1) and reclaiming them (Q2) as the S8 page plans them: the
//! typed amount checked, the total against the source quota's balance, each reseller's outcome
//! read from the answer or, after an ambiguous failure, reconciled from the Q4 records.

use crate::coupons::quota_status;
use crate::error::ApiError;
use crate::money::{parse_input_amount, Amount, AmountProblem};
use crate::quotas::{operation_type, QuotaRecord, UpdateCouponQuotasResponse, MAX_BATCH};
use std::collections::HashSet;

/// What stops a Q1 plan before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanProblem {
    NoQuota,
    NoResellers,
    TooManyResellers,
    Amount(AmountProblem),
    /// Resellers × amount is more than the source quota's balance.
    OverBalance,
}

/// A checked Q1: the same amount to each reseller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub amount: Amount,
    pub resellers: usize,
    pub total: Amount,
    pub balance_after: Amount,
}

/// Checks the dialog's input; `balance` is the source quota's (None: no quota chosen).
pub fn plan(amount_text: &str, resellers: usize, balance: Option<Amount>) -> Result<Plan, PlanProblem> {
    let amount = parse_input_amount(amount_text).map_err(PlanProblem::Amount)?;
    let balance = balance.ok_or(PlanProblem::NoQuota)?;
    if resellers == 0 {
        return Err(PlanProblem::NoResellers);
    }
    if resellers > MAX_BATCH {
        return Err(PlanProblem::TooManyResellers);
    }
    let total = Amount(amount.0 * rust_decimal::Decimal::from(resellers as u64));
    if total > balance {
        return Err(PlanProblem::OverBalance);
    }
    Ok(Plan { amount, resellers, total, balance_after: Amount(balance.0 - total.0) })
}

/// Every problem of the input at once (a form shows each at its field); empty when [`plan`]
/// succeeds.
pub fn problems(amount_text: &str, resellers: usize, balance: Option<Amount>) -> Vec<PlanProblem> {
    let mut out = Vec::new();
    if balance.is_none() {
        out.push(PlanProblem::NoQuota);
    }
    if resellers == 0 {
        out.push(PlanProblem::NoResellers);
    } else if resellers > MAX_BATCH {
        out.push(PlanProblem::TooManyResellers);
    }
    if let Err(p) = parse_input_amount(amount_text) {
        out.push(PlanProblem::Amount(p));
    }
    if out.is_empty() {
        if let Err(p) = plan(amount_text, resellers, balance) {
            out.push(p);
        }
    }
    out
}

/// Q2 reclaims child quotas in these statuses (normal, invalid, frozen); adjusting and
/// already reclaimed ones cannot be.
pub fn reclaimable(status: i32) -> bool {
    matches!(status, quota_status::NORMAL | quota_status::INVALID | quota_status::FROZEN)
}

/// One reseller's result of a Q1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The new child quota.
    Issued(String),
    Failed {
        code: String,
        message: String,
    },
    /// The answer was lost (5xx, timeout, dropped connection): reconcile before anything else.
    Unknown,
}

/// Whether a failed Q1 may have been processed anyway (then it must not be resent blindly).
pub fn ambiguous(e: &ApiError) -> bool {
    e.status == 0 || e.status >= 500
}

/// Each reseller's outcome from a Q1 answer; a reseller the answer does not mention is
/// unknown.
pub fn outcomes(resellers: &[String], r: &UpdateCouponQuotasResponse) -> Vec<(String, Outcome)> {
    resellers
        .iter()
        .map(|id| {
            let o = if let Some(i) = r.simple_quota_infos.iter().find(|i| &i.id == id) {
                Outcome::Issued(i.quota_id.clone())
            } else if let Some(d) = r.error_details.iter().find(|d| &d.id == id) {
                Outcome::Failed { code: d.error_code.clone(), message: d.error_msg.clone() }
            } else {
                Outcome::Unknown
            };
            (id.clone(), o)
        })
        .collect()
}

/// After an ambiguous Q1: `before` are the ids of the source quota's issue records (Q4,
/// `parent_quota_id`, type 10) read just before sending, `after` the same list (newest first)
/// read afterwards. A reseller was issued the quota iff a new successful record of this
/// amount names it; everyone else was not (the call is all-or-nothing per reseller).
pub fn reconcile(
    resellers: &[String],
    amount: Amount,
    before: &HashSet<String>,
    after: &[QuotaRecord],
) -> Vec<(String, Outcome)> {
    let fresh: Vec<&QuotaRecord> = after
        .iter()
        .take_while(|r| !before.contains(&r.id))
        .filter(|r| r.operation_type == operation_type::ISSUE_QUOTA && r.result == "0" && r.amount == amount)
        .collect();
    let mut used = HashSet::new();
    resellers
        .iter()
        .map(|id| {
            let hit = fresh.iter().find(|r| &r.indirect_partner_id == id && used.insert(r.id.clone()));
            let o = match hit {
                Some(r) => Outcome::Issued(r.quota_id.clone()),
                None => Outcome::Failed { code: String::new(), message: String::new() },
            };
            (id.clone(), o)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorDetail;
    use crate::quotas::SimpleQuotaInfo;

    fn a(s: &str) -> Amount {
        Amount::parse(s).unwrap()
    }

    #[test]
    fn plan_checks_amount_count_and_balance() {
        let p = plan("1000", 2, Some(a("5000.00"))).unwrap();
        assert_eq!((p.total, p.balance_after), (a("2000.00"), a("3000.00")));
        assert_eq!(plan("2500", 2, Some(a("5000"))).unwrap().balance_after, Amount::ZERO);
        assert_eq!(plan("2500.01", 2, Some(a("5000"))), Err(PlanProblem::OverBalance));
        assert_eq!(plan("abc", 2, Some(a("5000"))), Err(PlanProblem::Amount(AmountProblem::NotANumber)));
        assert_eq!(plan("0", 2, Some(a("5000"))), Err(PlanProblem::Amount(AmountProblem::NotPositive)));
        assert_eq!(plan("1.001", 2, Some(a("5000"))), Err(PlanProblem::Amount(AmountProblem::TooManyDecimals)));
        assert_eq!(plan("10", 0, Some(a("5000"))), Err(PlanProblem::NoResellers));
        assert_eq!(plan("10", 101, Some(a("5000000"))), Err(PlanProblem::TooManyResellers));
        assert_eq!(plan("10", 1, None), Err(PlanProblem::NoQuota));
    }

    #[test]
    fn problems_are_reported_together() {
        assert_eq!(
            problems("", 0, None),
            vec![PlanProblem::NoQuota, PlanProblem::NoResellers, PlanProblem::Amount(AmountProblem::NotANumber)]
        );
        assert_eq!(problems("3000", 2, Some(a("5000"))), vec![PlanProblem::OverBalance]);
        assert!(problems("2500", 2, Some(a("5000"))).is_empty());
    }

    #[test]
    fn reclaimable_statuses() {
        assert!([0, 3, 5].into_iter().all(reclaimable));
        assert!(![4, 6].into_iter().any(reclaimable));
    }

    #[test]
    fn outcomes_follow_the_answer() {
        let r = UpdateCouponQuotasResponse {
            simple_quota_infos: vec![SimpleQuotaInfo { id: "r1".into(), quota_id: "QT9".into() }],
            error_details: vec![ErrorDetail {
                error_code: crate::codes::RESELLER_EXITING.into(),
                error_msg: "exiting".into(),
                id: "r2".into(),
            }],
        };
        let o = outcomes(&["r1".into(), "r2".into(), "r3".into()], &r);
        assert_eq!(o[0].1, Outcome::Issued("QT9".into()));
        assert_eq!(o[1].1, Outcome::Failed { code: crate::codes::RESELLER_EXITING.into(), message: "exiting".into() });
        assert_eq!(o[2].1, Outcome::Unknown);
    }

    fn rec(id: &str, reseller: &str, amount: &str, result: &str) -> QuotaRecord {
        serde_json::from_value(serde_json::json!({"id": id, "operator": "admin", "operation_type": "10",
            "quota_id": format!("Q{id}"), "parent_quota_id": "P", "amount": amount.parse::<f64>().unwrap(),
            "operation_time": "2026-11-20T00:00:00Z", "result": result, "indirect_partner_id": reseller}))
        .unwrap()
    }

    #[test]
    fn reconcile_counts_only_new_matching_records() {
        let before: HashSet<String> = ["5".to_string(), "4".to_string()].into();
        // Newest first: 7 and 6 are new; 5 (old, same reseller) must not count.
        let after = vec![rec("7", "r1", "100", "0"), rec("6", "r3", "100", "-1"), rec("5", "r2", "100", "0")];
        let o = reconcile(&["r1".into(), "r2".into(), "r3".into()], a("100"), &before, &after);
        assert_eq!(o[0].1, Outcome::Issued("Q7".into()));
        assert!(matches!(o[1].1, Outcome::Failed { .. }));
        assert!(matches!(o[2].1, Outcome::Failed { .. }));
        assert!(ambiguous(&ApiError::network("x")));
        assert!(ambiguous(&ApiError {
            status: 500,
            code: crate::codes::UNKNOWN.into(),
            message: String::new(),
            request_id: None
        }));
        assert!(!ambiguous(&ApiError {
            status: 400,
            code: crate::codes::PARAM_ERROR.into(),
            message: String::new(),
            request_id: None
        }));
    }
}
