//! A3 ListPartnerAdjustRecords and A5 ListPartnerAccountChangeRecords over the ledger's
//! records (`accounts.rs`): the acting partner's only, newest first, and only rows of customers
//! this person may see (an account manager sees the adjustments of their own customers; A5 rows
//! without a customer — top-ups, payments — are the partner's and shown to everyone).

use crate::accounts::{AdjustRecord, ChangeRecord};
use crate::accounts_api::acting_partner;
use crate::auth::Caller;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::store::{AppState, Data};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::{Extension, Json};
use chrono::{Duration, Months};
use partner_api::accounts::records::{
    self, AccountChangeRecord, ListPartnerAccountChangeRecordsRequest, ListPartnerAccountChangeRecordsResponse,
    ListPartnerAdjustRecordsRequest, ListPartnerAdjustRecordsResponse,
};
use partner_api::money::MEASURE_YUAN;
use partner_api::page::PageRequest;
use partner_api::time::Instant;
use partner_api::Amount;

/// Amounts as the console shows them, with two decimals (`"10.00"`, not `"10"`).
fn two_dp(a: Amount) -> Amount {
    let mut d = a.0.round_dp(2);
    d.rescale(2);
    Amount(d)
}

fn in_range(t: Instant, (b, e): (Option<Instant>, Option<Instant>)) -> bool {
    b.is_none_or(|b| t >= b) && e.is_none_or(|e| t < e)
}

/// The rows of one page; A3 answers an offset past the end with the first page (§1.6), and
/// so does A5 here (inferred: the same family of lists).
fn page_of<T>(rows: &[T], page: PageRequest) -> &[T] {
    let page = if page.offset as usize >= rows.len() { PageRequest { offset: 0, ..page } } else { page };
    &rows[page.range(rows.len())]
}

/// A3: begin inclusive, end exclusive; records of customers the caller does not have are not an
/// error but an empty list (the contract's "200 with empty list").
pub async fn adjust_records(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(req): QueryParams<ListPartnerAdjustRecordsRequest>,
) -> Result<Json<ListPartnerAdjustRecordsResponse>, ApiFailure> {
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let p = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let ledger = state.accounts.ledger();
    let currency = ledger.partners[p].currency;
    let mut rows: Vec<&AdjustRecord> = ledger
        .adjust_records
        .iter()
        .filter(|r| {
            let c = data.customer(r.customer);
            r.partner == p
                && req.customer_id.as_ref().is_none_or(|id| &c.id == id)
                && req.operation_type.as_deref().is_none_or(|t| r.operation_type == t)
                && in_range(r.operation_time, f.operation_time)
                && req.trans_id.as_ref().is_none_or(|t| &r.trans_id == t)
                && v.can_see(c)
        })
        .collect();
    rows.sort_by(|a, b| b.operation_time.cmp(&a.operation_time).then_with(|| b.trans_id.cmp(&a.trans_id)));
    let records = page_of(&rows, f.page)
        .iter()
        .map(|r| {
            let c = data.customer(r.customer);
            records::AdjustRecord {
                customer_id: c.id.clone(),
                customer_name: Some(c.customer.clone()),
                operation_type: r.operation_type.to_string(),
                amount: two_dp(r.amount),
                currency: currency.to_string(),
                apply_scene: None,
                operation_time: r.operation_time,
                measure_id: MEASURE_YUAN,
                trans_id: r.trans_id.clone(),
                memo: None,
            }
        })
        .collect();
    Ok(Json(ListPartnerAdjustRecordsResponse { total_count: Some(rows.len() as u64), records }))
}

fn change_row(data: &Data, r: &ChangeRecord) -> AccountChangeRecord {
    let c = r.customer.map(|c| data.customer(c));
    AccountChangeRecord {
        account_change_id: r.account_change_id.clone(),
        trade_detail_type: r.trade_detail_type.to_string(),
        trade_time: r.trade_time,
        trade_id: r.trade_id.clone(),
        change_amount: two_dp(r.change_amount),
        balance_after_change: two_dp(r.balance_after_change),
        direction: r.direction.to_string(),
        customer_id: c.map(|c| c.id.clone()),
        account_name: c.map(|c| c.account_name.clone()),
    }
}

/// A5: trade dates are UTC+8 days, both included; without a begin, the last 12 months up to
/// the business clock's now.
pub async fn change_records(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(req): QueryParams<ListPartnerAccountChangeRecordsRequest>,
) -> Result<Json<ListPartnerAccountChangeRecordsResponse>, ApiFailure> {
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let p = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let (begin, end) = f.utc_range();
    let begin = begin.or_else(|| default_begin(state.vouchers.now()));
    let ledger = state.accounts.ledger();
    let mut rows: Vec<&ChangeRecord> = ledger
        .change_records
        .iter()
        .filter(|r| {
            r.partner == p
                && r.balance_type == f.balance_type
                && req.trade_type.as_deref().is_none_or(|t| r.trade_type == t)
                && in_range(r.trade_time, (begin, end))
                && r.customer.is_none_or(|c| v.can_see(data.customer(c)))
        })
        .collect();
    // Newest first; records of one instant in the order they were written, newest first too.
    rows.reverse();
    rows.sort_by_key(|r| std::cmp::Reverse(r.trade_time));
    let records = page_of(&rows, f.page).iter().map(|r| change_row(data, r)).collect();
    Ok(Json(ListPartnerAccountChangeRecordsResponse {
        total_count: Some(rows.len() as u64),
        currency: Some(ledger.partners[p].currency.to_string()),
        records,
    }))
}

/// The start (UTC+8) of the day 12 months before today's UTC+8 date.
fn default_begin(now: Instant) -> Option<Instant> {
    let local = (now + Duration::minutes(records::TRADE_DATE_OFFSET_MINUTES as i64)).date_naive();
    let day = local.checked_sub_months(Months::new(12))?.format("%Y-%m-%d").to_string();
    partner_api::time::local_day_start(&day, records::TRADE_DATE_OFFSET_MINUTES)
}
