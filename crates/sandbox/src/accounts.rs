//! Customer funds (PARTNER_API.md §3 R2, §4 A1–A5): the partners' cash and credit accounts, the
//! resale customers' balances, and the records the moves write (A3 adjustment records, A5
//! account changes). One ledger behind one `Mutex`, held for the whole check-and-move of every
//! write, so a balance never goes negative and money is never moved twice under parallel calls.
//! The handlers are in `accounts_api.rs` (R2, A1, A2, A4) and `accounts_records.rs` (A3, A5), the
//! seeded amounts in `accounts_seed.rs`.

use crate::errors::ApiFailure;
use crate::store::{CustomerIx, Data, PartnerIx};
use axum::http::StatusCode;
use partner_api::accounts::balances::{AccountBalance, ListPartnerBalancesResponse};
use partner_api::accounts::{account_type, balance_type, change_direction, trade_detail_type, trade_type};
use partner_api::codes;
use partner_api::money::MEASURE_YUAN;
use partner_api::time::Instant;
use partner_api::Amount;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

/// A partner's accounts as R2 answers them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerBalances {
    pub currency: &'static str,
    /// Cash account (type 1) `amount`.
    pub cash: Amount,
    /// 专款专用 part of `cash`: A1 may not allocate it.
    pub designated: Amount,
    /// Credit still available (type 2 `amount`).
    pub credit: Amount,
    /// The credit limit (type 2 `credit_amount`).
    pub credit_limit: Amount,
}

impl PartnerBalances {
    /// What A1 may allocate: `cash − designated`, never below 0.
    pub fn allocatable(&self) -> Amount {
        Amount((self.cash.0 - self.designated.0).max(rust_decimal::Decimal::ZERO))
    }

    /// The R2 answer: the cash account, then the credit account.
    pub fn to_response(&self, partner_id: &str) -> ListPartnerBalancesResponse {
        let prefix: String = partner_id.chars().take(16).collect();
        let account = |t: i32, amount: Amount| AccountBalance {
            account_id: format!("{prefix}{t:04}"),
            account_type: t,
            amount,
            currency: self.currency.to_string(),
            designated_amount: (t == account_type::CASH).then_some(self.designated),
            credit_amount: (t == account_type::CREDIT).then_some(self.credit_limit),
            measure_id: MEASURE_YUAN,
            memo: None,
        };
        ListPartnerBalancesResponse {
            account_balances: vec![account(account_type::CASH, self.cash), account(account_type::CREDIT, self.credit)],
        }
    }
}

/// Not enough money: what was asked and what could be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insufficient {
    pub needed: Amount,
    pub available: Amount,
}

impl From<Insufficient> for ApiFailure {
    fn from(i: Insufficient) -> Self {
        ApiFailure::new(
            StatusCode::BAD_REQUEST,
            codes::INSUFFICIENT_BALANCE,
            format!("insufficient balance: {} requested, {} available", i.needed, i.available),
        )
    }
}

/// A resale customer's partner-funded account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CustomerAccount {
    pub balance: Amount,
    pub debt: Amount,
}

/// One A3 record: money allocated to (A1) or reclaimed from (A2) a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdjustRecord {
    /// The partner whose account the money came from or went to.
    pub partner: PartnerIx,
    pub customer: CustomerIx,
    /// One of `partner_api::accounts::operation_type`.
    pub operation_type: &'static str,
    pub amount: Amount,
    pub operation_time: Instant,
    pub trans_id: String,
}

/// One A5 record: a change of a partner's cash or credit account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRecord {
    pub partner: PartnerIx,
    pub account_change_id: String,
    /// One of `partner_api::accounts::balance_type`.
    pub balance_type: &'static str,
    /// One of `partner_api::accounts::trade_type`.
    pub trade_type: &'static str,
    pub trade_detail_type: &'static str,
    pub trade_time: Instant,
    pub trade_id: String,
    pub change_amount: Amount,
    pub balance_after_change: Amount,
    /// `change_direction::INCOME` or `EXPENSE`.
    pub direction: &'static str,
    pub customer: Option<CustomerIx>,
}

/// Everything that changes; behind [`Accounts`]'s one lock.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Indexed by `PartnerIx`; service partners have zero accounts (and are refused earlier).
    pub partners: Vec<PartnerBalances>,
    /// Resale customers' accounts, seeded on first touch from `seed` (see `accounts_seed.rs`).
    customers: HashMap<CustomerIx, CustomerAccount>,
    pub adjust_records: Vec<AdjustRecord>,
    pub change_records: Vec<ChangeRecord>,
    seq: u64,
    seed: u64,
}

impl Ledger {
    pub fn new(partners: Vec<PartnerBalances>, seed: u64) -> Self {
        Ledger { partners, seed, ..Default::default() }
    }

    /// A resale customer's account (its seeded balance until it first changes).
    pub fn customer(&self, data: &Data, c: CustomerIx) -> CustomerAccount {
        self.customers
            .get(&c)
            .copied()
            .unwrap_or_else(|| crate::accounts_seed::customer_account(data.customer(c), self.seed))
    }

    fn set_customer(&mut self, c: CustomerIx, account: CustomerAccount) {
        self.customers.insert(c, account);
    }

    /// A new id, unique in this sandbox: `prefix` + the time in UTC+8 (`yyMMddHHmmss`) + a sequence.
    pub fn next_id(&mut self, prefix: &str, at: Instant) -> String {
        self.seq += 1;
        let local = at + chrono::Duration::hours(8);
        format!("{prefix}{}{:06x}", local.format("%y%m%d%H%M%S"), self.seq)
    }

    /// Writes an A5 record.
    #[allow(clippy::too_many_arguments)]
    pub fn change(
        &mut self,
        partner: PartnerIx,
        balance: &'static str,
        (trade, detail): (&'static str, &'static str),
        trade_id: &str,
        amount: Amount,
        direction: &'static str,
        customer: Option<CustomerIx>,
        at: Instant,
    ) {
        let b = &self.partners[partner];
        let after = if balance == balance_type::CREDIT { b.credit } else { b.cash };
        let account_change_id = self.next_id("AC", at);
        self.change_records.push(ChangeRecord {
            partner,
            account_change_id,
            balance_type: balance,
            trade_type: trade,
            trade_detail_type: detail,
            trade_time: at,
            trade_id: trade_id.to_string(),
            change_amount: amount,
            balance_after_change: after,
            direction,
            customer,
        });
    }

    /// A1: partner cash → customer, at most the allocatable cash. Returns the transfer id.
    pub fn allocate(
        &mut self,
        data: &Data,
        partner: PartnerIx,
        customer: CustomerIx,
        amount: Amount,
        at: Instant,
    ) -> Result<String, Insufficient> {
        let available = self.partners[partner].allocatable();
        if amount > available {
            return Err(Insufficient { needed: amount, available });
        }
        self.partners[partner].cash = Amount(self.partners[partner].cash.0 - amount.0);
        let mut acc = self.customer(data, customer);
        acc.balance = Amount(acc.balance.0 + amount.0);
        self.set_customer(customer, acc);
        let id = self.next_id("TR", at);
        self.record(partner, customer, partner_api::accounts::operation_type::ALLOCATE, amount, &id, at);
        let kind = (trade_type::BEADJUST, trade_detail_type::ALLOCATE);
        self.change(partner, balance_type::DEBIT, kind, &id, amount, change_direction::EXPENSE, Some(customer), at);
        Ok(id)
    }

    /// A2: customer → partner cash, at most the customer's balance. Returns the trans id.
    pub fn reclaim(
        &mut self,
        data: &Data,
        partner: PartnerIx,
        customer: CustomerIx,
        amount: Amount,
        at: Instant,
    ) -> Result<String, Insufficient> {
        let mut acc = self.customer(data, customer);
        if amount > acc.balance {
            return Err(Insufficient { needed: amount, available: acc.balance });
        }
        acc.balance = Amount(acc.balance.0 - amount.0);
        self.set_customer(customer, acc);
        self.partners[partner].cash = Amount(self.partners[partner].cash.0 + amount.0);
        let id = self.next_id("RE", at);
        self.record(partner, customer, partner_api::accounts::operation_type::RECLAIM, amount, &id, at);
        let kind = (trade_type::BERETRIEVE, trade_detail_type::RECLAIM);
        self.change(partner, balance_type::DEBIT, kind, &id, amount, change_direction::INCOME, Some(customer), at);
        Ok(id)
    }

    fn record(
        &mut self,
        partner: PartnerIx,
        customer: CustomerIx,
        op: &'static str,
        amount: Amount,
        id: &str,
        at: Instant,
    ) {
        self.adjust_records.push(AdjustRecord {
            partner,
            customer,
            operation_type: op,
            amount,
            operation_time: at,
            trans_id: id.to_string(),
        });
    }

    /// O7: cash (its allocatable part) first, then credit; one A5 record per account used.
    pub fn pay_order(
        &mut self,
        partner: PartnerIx,
        amount: Amount,
        order_id: &str,
        at: Instant,
    ) -> Result<PartnerBalances, Insufficient> {
        let b = &self.partners[partner];
        let (cash_part, credit) = (b.allocatable().min(amount), b.credit);
        let credit_part = Amount(amount.0 - cash_part.0);
        if credit_part > credit {
            return Err(Insufficient { needed: amount, available: Amount(cash_part.0 + credit.0) });
        }
        let kind = (trade_type::DEDUCT, trade_detail_type::PAY_ORDER);
        if cash_part.is_positive() {
            self.partners[partner].cash = Amount(self.partners[partner].cash.0 - cash_part.0);
            self.change(partner, balance_type::DEBIT, kind, order_id, cash_part, change_direction::EXPENSE, None, at);
        }
        if credit_part.is_positive() {
            self.partners[partner].credit = Amount(self.partners[partner].credit.0 - credit_part.0);
            let dir = change_direction::EXPENSE;
            self.change(partner, balance_type::CREDIT, kind, order_id, credit_part, dir, None, at);
        }
        Ok(self.partners[partner].clone())
    }
}

/// The customer-funds state of the sandbox (`state.accounts`).
pub struct Accounts {
    ledger: Mutex<Ledger>,
}

impl Accounts {
    pub fn new(ledger: Ledger) -> Self {
        Accounts { ledger: Mutex::new(ledger) }
    }

    /// Seeded balances and history (`accounts_seed.rs`), the same for every run of a seed.
    pub fn seeded(data: &Data, seed: u64) -> Self {
        Accounts::new(crate::accounts_seed::ledger(data, seed))
    }

    /// The ledger, locked: hold the guard for a whole check-and-move.
    pub fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.ledger.lock().expect("accounts lock")
    }

    /// O7 (balance payment) takes the amount from the partner's cash account first (its
    /// allocatable part, `amount − designated_amount`), then credit; writes an A5 change record
    /// per account used (trade_type `DEDEUCT`, expense, trade_id = order_id). Nothing changes
    /// when cash and credit together do not cover it.
    pub fn pay_order(
        &self,
        partner: PartnerIx,
        amount: Amount,
        order_id: &str,
        at: Instant,
    ) -> Result<PartnerBalances, Insufficient> {
        self.ledger().pay_order(partner, amount, order_id, at)
    }

    /// What R2 answers for this partner.
    pub fn partner_balances(&self, partner: PartnerIx) -> PartnerBalances {
        self.ledger().partners[partner].clone()
    }
}

#[cfg(test)]
#[path = "accounts_tests.rs"]
mod tests;
