//! 确认账单: the partner confirms the bill of a passed incentive (it becomes final) or rejects
//! it with a reason (it goes back to preliminary review). A confirmed bill cannot be decided
//! again, so a retry after a lost answer is refused rather than applied twice.

use super::model::{bill_status, status};
use crate::codes;
use crate::validate::Violation;
use serde::{Deserialize, Serialize};

/// `POST`: the decision on an incentive's bill.
pub const ROUTE: &str = "/v2/partners/incentives/{incentive_id}/bill-confirmation";

/// Most characters of a rejection reason.
pub const MAX_REASON_LEN: usize = 500;

pub mod decision {
    pub const CONFIRM: &str = "confirm";
    pub const REJECT: &str = "reject";
    pub const ALL: &[&str] = &[CONFIRM, REJECT];
}

/// The body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillDecision {
    #[serde(default)]
    pub decision: String,
    /// Required to reject; not sent to confirm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The decision, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Confirm,
    Reject { reason: String },
}

impl BillDecision {
    pub fn confirm() -> Self {
        BillDecision { decision: decision::CONFIRM.into(), reason: None }
    }

    pub fn reject(reason: &str) -> Self {
        BillDecision { decision: decision::REJECT.into(), reason: Some(reason.trim().to_string()) }
    }

    pub fn check(&self) -> Result<Decision, Violation> {
        match self.decision.as_str() {
            decision::CONFIRM => Ok(Decision::Confirm),
            decision::REJECT => {
                let reason = check_reason(self.reason.as_deref().unwrap_or(""))?;
                Ok(Decision::Reject { reason })
            }
            "" => Err(Violation::new("decision", "is required")),
            _ => Err(Violation::new("decision", "must be one of confirm, reject")),
        }
    }
}

/// A rejection reason: required (after trimming), at most [`MAX_REASON_LEN`] characters.
pub fn check_reason(reason: &str) -> Result<String, Violation> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Violation::new("reason", "is required to reject a bill"));
    }
    if reason.chars().count() > MAX_REASON_LEN {
        return Err(Violation::new("reason", format!("must be at most {MAX_REASON_LEN} characters")));
    }
    Ok(reason.to_string())
}

/// Why an incentive's bill cannot be decided now (its code), or `None`.
pub fn why_bill_refused(incentive_status: &str, bill: &str) -> Option<&'static str> {
    if bill == bill_status::CONFIRMED {
        Some(codes::BILL_ALREADY_CONFIRMED)
    } else if incentive_status != status::PASSED || bill != bill_status::PENDING {
        Some(codes::BILL_NOT_CONFIRMABLE)
    } else {
        None
    }
}

/// `(status, bill_status)` after an accepted decision.
pub fn after(decision: &Decision) -> (&'static str, &'static str) {
    match decision {
        Decision::Confirm => (status::FINAL, bill_status::CONFIRMED),
        Decision::Reject { .. } => (status::IN_REVIEW, bill_status::REJECTED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pending_bill_of_a_passed_incentive_can_be_decided() {
        assert_eq!(why_bill_refused(status::PASSED, bill_status::PENDING), None);
        assert_eq!(why_bill_refused(status::FINAL, bill_status::CONFIRMED), Some(codes::BILL_ALREADY_CONFIRMED));
        for s in [status::DRAFT, status::IN_REVIEW, status::REJECTED] {
            assert_eq!(why_bill_refused(s, bill_status::NONE), Some(codes::BILL_NOT_CONFIRMABLE), "{s}");
        }
        assert_eq!(why_bill_refused(status::IN_REVIEW, bill_status::REJECTED), Some(codes::BILL_NOT_CONFIRMABLE));
    }

    #[test]
    fn a_rejection_needs_a_reason() {
        assert_eq!(BillDecision::confirm().check(), Ok(Decision::Confirm));
        assert_eq!(BillDecision::reject("  wrong fee  ").check(), Ok(Decision::Reject { reason: "wrong fee".into() }));
        assert_eq!(BillDecision::reject("   ").check().unwrap_err().parameter, "reason");
        assert_eq!(BillDecision { decision: "reject".into(), reason: None }.check().unwrap_err().parameter, "reason");
        let long = "字".repeat(MAX_REASON_LEN + 1);
        assert_eq!(BillDecision::reject(&long).check().unwrap_err().parameter, "reason");
        assert!(BillDecision::reject(&"字".repeat(MAX_REASON_LEN)).check().is_ok());
        assert_eq!(BillDecision::default().check().unwrap_err().parameter, "decision");
        assert_eq!(BillDecision { decision: "ok".into(), reason: None }.check().unwrap_err().parameter, "decision");
        assert_eq!(after(&Decision::Confirm), (status::FINAL, bill_status::CONFIRMED));
        assert_eq!(after(&Decision::Reject { reason: "x".into() }), (status::IN_REVIEW, bill_status::REJECTED));
        assert_eq!(crate::endpoint::json(&BillDecision::confirm()), r#"{"decision":"confirm"}"#);
    }
}
