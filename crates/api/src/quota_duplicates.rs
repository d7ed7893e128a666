//! "Check for duplicates" after a Q1 from the issue-quota dialog. A browser may resend a POST
//! by itself when a reused connection closes before any answer byte (the page then sees one
//! clean answer while the server processed the call twice), so each reseller's allocations
//! are read back from the Q4 records newer than the snapshot taken just before sending.

use crate::money::Amount;
use crate::quota_issue::Outcome;
use crate::quotas::{operation_type, QuotaRecord};
use std::collections::HashSet;

/// One reseller's allocations from the source quota since the request was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocations {
    pub reseller: String,
    /// The child quota the dialog's result names (or the oldest one found), if any.
    pub kept: Option<String>,
    /// Any further child quotas of this amount: candidates to reclaim (Q2).
    pub extra: Vec<String>,
    /// Who did the extra allocations (a colleague's concurrent issue looks the same).
    pub extra_operators: Vec<String>,
}

/// Each reseller of the request with its new successful allocations of `amount`. `before` are
/// the record ids read before sending, `after` the records read now (newest first, down to a
/// known one); `shown` the outcomes the dialog displays.
pub fn allocations(
    resellers: &[String],
    amount: Amount,
    before: &HashSet<String>,
    after: &[QuotaRecord],
    shown: &[(String, Outcome)],
) -> Vec<Allocations> {
    let fresh: Vec<&QuotaRecord> = after
        .iter()
        .take_while(|r| !before.contains(&r.id))
        .filter(|r| r.operation_type == operation_type::ISSUE_QUOTA && r.result == "0" && r.amount == amount)
        .collect();
    resellers
        .iter()
        .map(|id| {
            // Oldest first: when the answer names none of them, the first allocation is kept.
            let mut mine: Vec<&QuotaRecord> = fresh.iter().copied().filter(|r| &r.indirect_partner_id == id).collect();
            mine.reverse();
            let named = shown.iter().find_map(|(r, o)| match o {
                Outcome::Issued(q) if r == id => Some(q.clone()),
                _ => None,
            });
            let kept = named
                .filter(|q| mine.iter().any(|r| &r.quota_id == q))
                .or_else(|| mine.first().map(|r| r.quota_id.clone()));
            let others: Vec<&&QuotaRecord> = mine.iter().filter(|r| Some(&r.quota_id) != kept.as_ref()).collect();
            Allocations {
                reseller: id.clone(),
                kept,
                extra: others.iter().map(|r| r.quota_id.clone()).collect(),
                extra_operators: others.iter().map(|r| r.operator.clone()).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, reseller: &str, amount: &str, result: &str) -> QuotaRecord {
        serde_json::from_value(serde_json::json!({"id": id, "operator": "admin", "operation_type": "10",
            "quota_id": format!("Q{id}"), "parent_quota_id": "P", "amount": amount.parse::<f64>().unwrap(),
            "operation_time": "2026-11-20T00:00:00Z", "result": result, "indirect_partner_id": reseller}))
        .unwrap()
    }

    #[test]
    fn a_resent_request_shows_one_extra_allocation_per_reseller() {
        let before: HashSet<String> = ["1".to_string()].into();
        // Newest first: the resend (4, 5) after the first processing (2, 3); 1 is old.
        let after = vec![
            rec("5", "r2", "100", "0"),
            rec("4", "r1", "100", "0"),
            rec("3", "r2", "100", "0"),
            rec("2", "r1", "100", "0"),
            rec("1", "r1", "100", "0"),
        ];
        let amount = Amount::parse("100").unwrap();
        let shown = vec![("r1".to_string(), Outcome::Issued("Q4".into())), ("r2".to_string(), Outcome::Unknown)];
        let a = allocations(&["r1".into(), "r2".into(), "r3".into()], amount, &before, &after, &shown);
        // r1: the answer named Q4 (the resend's), so Q2 is the extra one.
        assert_eq!((a[0].kept.as_deref(), a[0].extra.clone()), (Some("Q4"), vec!["Q2".to_string()]));
        assert_eq!(a[0].extra_operators, vec!["admin"]);
        // r2: nothing named: the oldest is kept.
        assert_eq!((a[1].kept.as_deref(), a[1].extra.clone()), (Some("Q3"), vec!["Q5".to_string()]));
        // r3: nothing at all.
        assert_eq!((a[2].kept.clone(), a[2].extra.len()), (None, 0));
    }

    #[test]
    fn other_amounts_and_failures_do_not_count() {
        let after = vec![rec("3", "r1", "99", "0"), rec("2", "r1", "100", "-1"), rec("1", "r1", "100", "0")];
        let a = allocations(&["r1".into()], Amount::parse("100").unwrap(), &HashSet::new(), &after, &[]);
        assert_eq!((a[0].kept.as_deref(), a[0].extra.len()), (Some("Q1"), 0));
    }
}
