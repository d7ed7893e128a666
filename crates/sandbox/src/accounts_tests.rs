use super::*;
use crate::store::AppState;
use chrono::TimeZone;

fn state() -> AppState {
    AppState::seeded(400, 42)
}

fn at() -> Instant {
    chrono::Utc.with_ymd_and_hms(2026, 11, 20, 1, 0, 0).single().unwrap()
}

fn dist(s: &AppState) -> PartnerIx {
    s.data.partner_by_account("hz_distributor").unwrap()
}

#[test]
fn seeded_distributor_balances() {
    let s = state();
    let b = s.accounts.partner_balances(dist(&s));
    assert_eq!(b.cash, Amount::from_cents(128_640_000));
    assert_eq!(b.designated, Amount::from_cents(8_640_000));
    assert_eq!(b.credit_limit, Amount::from_cents(50_000_000));
    assert_eq!(b.allocatable(), Amount::from_cents(120_000_000));
    let r = b.to_response("0123456789abcdef0123");
    assert_eq!(r.account_balances.len(), 2);
    assert_eq!(r.allocatable(), b.allocatable());
    assert_eq!(r.account(account_type::CREDIT).unwrap().credit_amount, Some(b.credit_limit));
}

#[test]
fn pay_order_takes_cash_first_then_credit() {
    let s = state();
    let p = dist(&s);
    let before = s.accounts.partner_balances(p);
    let n = s.accounts.ledger().change_records.len();
    // All from cash.
    let b = s.accounts.pay_order(p, Amount::from_cents(10_000), "CS1", at()).unwrap();
    assert_eq!(b.cash, Amount(before.cash.0 - Amount::from_cents(10_000).0));
    assert_eq!(b.credit, before.credit);
    // More than the allocatable cash: the rest from credit, two A5 records.
    let rest = b.allocatable();
    let b2 = s.accounts.pay_order(p, Amount(rest.0 + Amount::from_cents(5_000).0), "CS2", at()).unwrap();
    assert_eq!(b2.allocatable(), Amount::ZERO);
    assert_eq!(b2.cash, before.designated, "designated money is not spent");
    assert_eq!(b2.credit, Amount(before.credit.0 - Amount::from_cents(5_000).0));
    let l = s.accounts.ledger();
    let new: Vec<_> = l.change_records[n..].iter().collect();
    assert_eq!(new.len(), 3);
    assert!(new.iter().all(|r| r.trade_type == trade_type::DEDUCT && r.direction == change_direction::EXPENSE));
    assert_eq!((new[1].trade_id.as_str(), new[1].balance_type), ("CS2", balance_type::DEBIT));
    assert_eq!((new[2].balance_type, new[2].balance_after_change), (balance_type::CREDIT, b2.credit));
}

#[test]
fn pay_order_refuses_more_than_cash_and_credit_and_changes_nothing() {
    let s = state();
    let p = dist(&s);
    let before = s.accounts.partner_balances(p);
    let n = s.accounts.ledger().change_records.len();
    let too_much = Amount(before.allocatable().0 + before.credit.0 + Amount::from_cents(1).0);
    let e = s.accounts.pay_order(p, too_much, "CS3", at()).unwrap_err();
    assert_eq!(e.available, Amount(before.allocatable().0 + before.credit.0));
    assert_eq!(s.accounts.partner_balances(p), before);
    assert_eq!(s.accounts.ledger().change_records.len(), n);
    assert_eq!(ApiFailure::from(e).code, codes::INSUFFICIENT_BALANCE);
}

#[test]
fn seeded_history_ends_at_todays_cash() {
    let s = state();
    let l = s.accounts.ledger();
    for (p, b) in l.partners.iter().enumerate() {
        let last = l.change_records.iter().rfind(|r| r.partner == p && r.balance_type == balance_type::DEBIT);
        if let Some(r) = last {
            assert_eq!(r.balance_after_change, b.cash, "partner {p}");
        }
        assert!(l
            .change_records
            .iter()
            .filter(|r| r.partner == p)
            .all(|r| !r.balance_after_change.0.is_sign_negative()));
    }
    assert!(l.adjust_records.iter().any(|r| r.partner == dist(&s)));
}
