//! Seeded customer funds: the partners' cash and credit (fixed, realistic amounts), resale
//! customers' balances (derived from the seed and the customer id, so a store of 200,000
//! customers seeds them lazily), and a little history: top-ups of each partner's cash account
//! and some allocations/reclaims to its first resale customers, with their A3 and A5 records,
//! whose `balance_after_change` chain ends at today's balance.

use crate::accounts::{AdjustRecord, CustomerAccount, Ledger, PartnerBalances};
use crate::prng::{mix, Prng};
use crate::store::{Customer, Data, PartnerIx};
use chrono::{Duration, TimeZone, Utc};
use partner_api::accounts::{balance_type, change_direction, operation_type, trade_detail_type, trade_type};
use partner_api::customers::association_type;
use partner_api::profile::partner_type;
use partner_api::time::Instant;
use partner_api::Amount;

fn yuan(s: &str) -> Amount {
    Amount::parse(s).expect("seeded amount")
}

/// The fixed reference "now" of the seeded data (docs/sandbox.md).
fn reference() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).single().expect("valid time")
}

/// `(cash, designated, credit available, credit limit)` of a seeded partner.
fn amounts(account: &str, kind: &str) -> (&'static str, &'static str, &'static str, &'static str) {
    match account {
        "hz_distributor" => ("1286400.00", "86400.00", "380000.00", "500000.00"),
        "cloudbridge_it" => ("186520.00", "0.00", "100000.00", "100000.00"),
        "deepblue_data" => ("42310.50", "2000.00", "30000.00", "50000.00"),
        "nimbus_solutions" => ("12800.00", "0.00", "20000.00", "20000.00"),
        _ if kind == partner_type::SERVICE_PARTNER => ("0.00", "0.00", "0.00", "0.00"),
        _ => ("100000.00", "0.00", "0.00", "0.00"),
    }
}

/// The seeded accounts of one partner.
pub fn partner_balances(data: &Data, p: PartnerIx) -> PartnerBalances {
    let partner = &data.partners[p];
    let (cash, designated, credit, limit) = amounts(&partner.account, partner.partner_type);
    PartnerBalances {
        currency: if partner.site == "intl" { "USD" } else { "CNY" },
        cash: yuan(cash),
        designated: yuan(designated),
        credit: yuan(credit),
        credit_limit: yuan(limit),
    }
}

fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// A resale customer's seeded account: about a quarter empty, a few in debt, the others
/// 100.00–80,000.00. Referral customers have none (zero, and never listed).
pub fn customer_account(c: &Customer, seed: u64) -> CustomerAccount {
    if c.association_type != association_type::RESALE {
        return CustomerAccount::default();
    }
    let mut r = Prng::derive(seed, mix(id_hash(&c.id)) ^ 0xacc0);
    match r.below(100) {
        0..=24 => CustomerAccount::default(),
        25..=29 => CustomerAccount { balance: Amount::ZERO, debt: Amount::from_cents(r.between(1_000, 200_000)) },
        _ => CustomerAccount { balance: Amount::from_cents(r.between(10_000, 8_000_000)), debt: Amount::ZERO },
    }
}

/// One seeded event of a partner's cash account, oldest first.
struct Event {
    days_ago: i64,
    trade: (&'static str, &'static str),
    amount: Amount,
    income: bool,
    customer: Option<crate::store::CustomerIx>,
}

fn history(data: &Data, p: PartnerIx) -> Vec<Event> {
    let partner = &data.partners[p];
    // Top-ups of 40 % and 30 % of today's cash, so the history never goes below zero.
    let today = partner_balances(data, p).cash.0;
    let share = |pct: i64| Amount((today * rust_decimal::Decimal::new(pct, 2)).round_dp(0));
    let recharge = (trade_type::RECHARGE, trade_detail_type::RECHARGE);
    let mut out = vec![
        Event { days_ago: 120, trade: recharge, amount: share(40), income: true, customer: None },
        Event { days_ago: 62, trade: recharge, amount: share(30), income: true, customer: None },
    ];
    let resale: Vec<_> = partner
        .customers
        .iter()
        .copied()
        .filter(|&c| data.customer(c).association_type == association_type::RESALE)
        .take(4)
        .collect();
    for (n, &c) in resale.iter().enumerate() {
        let amount = Amount::from_cents([500_000, 1_200_000, 300_000, 800_000][n]);
        let trade = (trade_type::BEADJUST, trade_detail_type::ALLOCATE);
        out.push(Event { days_ago: 40 - n as i64 * 7, trade, amount, income: false, customer: Some(c) });
    }
    if let Some(&c) = resale.first() {
        let trade = (trade_type::BERETRIEVE, trade_detail_type::RECLAIM);
        out.push(Event { days_ago: 9, trade, amount: yuan("1500.00"), income: true, customer: Some(c) });
    }
    out
}

/// Every partner's accounts with their seeded history.
pub fn ledger(data: &Data, seed: u64) -> Ledger {
    let partners = (0..data.partners.len()).map(|p| partner_balances(data, p)).collect();
    let mut ledger = Ledger::new(partners, seed);
    for p in 0..data.partners.len() {
        if data.partners[p].partner_type == partner_type::SERVICE_PARTNER {
            continue;
        }
        let events = history(data, p);
        // Start from the balance before the history, so it ends at today's.
        let today = ledger.partners[p].cash;
        let net: rust_decimal::Decimal = events.iter().map(|e| if e.income { e.amount.0 } else { -e.amount.0 }).sum();
        let start = Amount((today.0 - net).max(rust_decimal::Decimal::ZERO));
        ledger.partners[p].cash = start;
        for e in events {
            let at = reference() - Duration::days(e.days_ago) + Duration::hours(2 + e.days_ago % 7);
            let prefix = match e.trade.0 {
                trade_type::BEADJUST => "TR",
                trade_type::BERETRIEVE => "RE",
                _ => "RC",
            };
            let id = ledger.next_id(prefix, at);
            let cash = &mut ledger.partners[p].cash;
            *cash = Amount(if e.income { cash.0 + e.amount.0 } else { cash.0 - e.amount.0 });
            let dir = if e.income { change_direction::INCOME } else { change_direction::EXPENSE };
            ledger.change(p, balance_type::DEBIT, e.trade, &id, e.amount, dir, e.customer, at);
            if let Some(c) = e.customer {
                let op = if e.income { operation_type::RECLAIM } else { operation_type::ALLOCATE };
                let r = AdjustRecord {
                    partner: p,
                    customer: c,
                    operation_type: op,
                    amount: e.amount,
                    operation_time: at,
                    trans_id: id,
                };
                ledger.adjust_records.push(r);
            }
        }
        ledger.partners[p].cash = today;
    }
    ledger
}
