//! The review of a batch before anything is sent: each parsed row checked against what A4
//! says about its customer (A4 silently leaves out customers without a partner-funded account:
//! referral customers, another partner's, unknown ids) and against the partner's allocatable
//! cash (R2). Rows that cannot pass are shown with their reason and left out of the plan, so
//! the person confirms only what will be sent; the totals are of the rows that will be.

use super::rows::{Direction, Row};
use crate::accounts::balances::CustomerBalance;
use crate::money::Amount;
use std::collections::HashMap;

/// Why a parsed row is left out of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRefusal {
    /// A4 did not return the customer: not a resale customer of the acting partner that this
    /// person may see (a referral customer, another partner's, or an unknown id).
    NoFundedAccount,
    /// A reclaim of more than the customer's available balance (which it holds).
    OverBalance { balance: Amount },
}

/// A row and what the review found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub row: Row,
    /// The 1-based line it came from.
    pub line: usize,
    /// The customer's available balance (A4), when it has an account.
    pub balance: Option<Amount>,
    pub refusal: Option<RowRefusal>,
}

/// The whole review: every row in input order, the sums of the rows that will be sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub rows: Vec<Reviewed>,
    pub allocate_total: Amount,
    pub reclaim_total: Amount,
    pub allocate_count: usize,
    pub reclaim_count: usize,
    /// The allocations add up to more than the partner may allocate (R2, before reclaims):
    /// the last of them would be refused for insufficient balance unless the reclaims earlier
    /// in the list come first.
    pub over_allocatable: bool,
}

impl Review {
    /// The rows that will be sent, in order.
    pub fn sendable(&self) -> Vec<Row> {
        self.rows.iter().filter(|r| r.refusal.is_none()).map(|r| r.row.clone()).collect()
    }

    pub fn refused(&self) -> usize {
        self.rows.iter().filter(|r| r.refusal.is_some()).count()
    }
}

/// Reviews `rows` (with their `lines`) against the A4 balances of their customers and the
/// partner's `allocatable` cash (None when R2 could not be read: no warning then).
pub fn review(rows: &[Row], lines: &[usize], balances: &[CustomerBalance], allocatable: Option<Amount>) -> Review {
    let by_id: HashMap<String, Amount> =
        balances.iter().map(|b| (crate::customer_id::normalise(&b.customer_id).into_owned(), b.amount)).collect();
    let mut out = Review::default();
    for (i, row) in rows.iter().enumerate() {
        let balance = by_id.get(&row.customer_id).copied();
        let refusal = match (balance, row.direction) {
            (None, _) => Some(RowRefusal::NoFundedAccount),
            (Some(b), Direction::Reclaim) if row.amount.0 > b.0 => Some(RowRefusal::OverBalance { balance: b }),
            _ => None,
        };
        if refusal.is_none() {
            match row.direction {
                Direction::Allocate => {
                    out.allocate_total.0 += row.amount.0;
                    out.allocate_count += 1;
                }
                Direction::Reclaim => {
                    out.reclaim_total.0 += row.amount.0;
                    out.reclaim_count += 1;
                }
            }
        }
        out.rows.push(Reviewed { row: row.clone(), line: lines.get(i).copied().unwrap_or(i + 1), balance, refusal });
    }
    out.over_allocatable = allocatable.is_some_and(|a| out.allocate_total.0 > a.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::batch::parse_rows;

    fn balance(id: &str, amount: &str) -> CustomerBalance {
        CustomerBalance {
            customer_id: id.into(),
            amount: Amount(amount.parse().unwrap()),
            debt_amount: Amount::default(),
            currency: "CNY".into(),
            measure_id: 1,
        }
    }

    #[test]
    fn rows_without_an_account_or_reclaiming_too_much_are_left_out_of_the_totals() {
        let p = parse_rows("a,100\nB,50,reclaim\nc,10\nd,5,reclaim\n", Direction::Allocate);
        let r = review(&p.rows, &p.lines, &[balance("a", "0"), balance("b", "20"), balance("d", "5")], None);
        assert_eq!(r.rows.len(), 4);
        assert_eq!(r.rows[1].refusal, Some(RowRefusal::OverBalance { balance: Amount("20".parse().unwrap()) }));
        assert_eq!(r.rows[2].refusal, Some(RowRefusal::NoFundedAccount));
        assert_eq!(r.rows[3].refusal, None, "reclaiming the whole balance is fine");
        assert_eq!((r.allocate_count, r.reclaim_count, r.refused()), (1, 1, 2));
        assert_eq!(r.allocate_total, Amount("100".parse().unwrap()));
        assert_eq!(r.reclaim_total, Amount("5".parse().unwrap()));
        assert_eq!(r.sendable().iter().map(|r| r.customer_id.as_str()).collect::<Vec<_>>(), ["a", "d"]);
        assert_eq!(r.rows[3].line, 4);
    }

    #[test]
    fn allocations_above_the_allocatable_cash_are_flagged() {
        let p = parse_rows("a,60\nb,50\n", Direction::Allocate);
        let bs = [balance("a", "0"), balance("b", "0")];
        assert!(review(&p.rows, &p.lines, &bs, Some(Amount("100".parse().unwrap()))).over_allocatable);
        assert!(!review(&p.rows, &p.lines, &bs, Some(Amount("110".parse().unwrap()))).over_allocatable);
        assert!(!review(&p.rows, &p.lines, &bs, None).over_allocatable);
    }

    #[test]
    fn balances_match_ids_whatever_their_case() {
        let p = parse_rows("ABC,1\n", Direction::Allocate);
        let r = review(&p.rows, &p.lines, &[balance("AbC", "3")], None);
        assert_eq!(r.rows[0].refusal, None);
        assert_eq!(r.rows[0].balance, Some(Amount("3".parse().unwrap())));
    }
}
