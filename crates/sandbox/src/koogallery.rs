//! S12 KooGallery price adjustment (docs/contracts/koogallery.md): the 严选 selection, the
//! marketplace orders of a partner's own customers, price changes and their records. A
//! non-selected partner gets 403 `CBC.50090001` on everything but the selection; a person sees
//! (and changes) only the orders of customers they may see (`visibility.rs`), other orders
//! answer as unknown. A change is checked and applied under one lock, so of two changes sent
//! with the same `expected_amount` one wins and the other is refused as stale. Injected faults
//! apply around it (`faults::layer`): `commit_then_*` applies the change and loses the answer.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::koogallery_seed as seed;
use crate::query::QueryParams;
use crate::store::{AppState, CustomerIx, Data, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use partner_api::codes;
use partner_api::koogallery::rules::{check_against, check_input, same_order_id, PriceProblem};
use partner_api::koogallery::{
    effective_status, reason, AdjustPriceRequest, AdjustPriceResponse, Contact, ListMarketplaceOrdersRequest,
    ListPriceAdjustRecordsRequest, MarketplaceOrder, MarketplaceOrderList, PriceAdjustRecord, PriceAdjustRecordList,
    Selection,
};
use partner_api::page::PageRequest;
use partner_api::profile::partner_type;
use partner_api::time::Instant;
use std::sync::{Mutex, MutexGuard};

struct OrderRow {
    partner: PartnerIx,
    customer: CustomerIx,
    /// As stored: a lapsed pending order is still `PENDING_PAYMENT` here.
    order: MarketplaceOrder,
}

struct RecordRow {
    partner: PartnerIx,
    customer: CustomerIx,
    record: PriceAdjustRecord,
}

struct Book {
    orders: Vec<OrderRow>,
    records: Vec<RecordRow>,
}

pub struct KooGallery {
    /// Per partner, by [`PartnerIx`].
    selections: Vec<Selection>,
    book: Mutex<Book>,
}

fn selection_of(data: &Data, p: PartnerIx) -> Selection {
    let partner = &data.partners[p];
    let contact = seed::CONTACTS
        .iter()
        .find(|(a, _, _)| *a == partner.account)
        .map(|(_, name, email)| Contact { name: name.to_string(), email: email.to_string() });
    if let Some((_, (y, m, d))) = seed::SELECTED.iter().find(|(a, _)| *a == partner.account) {
        return Selection { selected: true, since: Some(seed::at(*y, *m, *d)), reason_code: None, contact };
    }
    let why = if partner.partner_type == partner_type::SERVICE_PARTNER {
        reason::SERVICE_PARTNER
    } else if partner.site == "intl" {
        reason::INTL_SITE
    } else {
        reason::NOT_SELECTED
    };
    Selection { selected: false, since: None, reason_code: Some(why.into()), contact }
}

impl KooGallery {
    pub fn seeded(data: &Data, seed: u64) -> Self {
        let selections = (0..data.partners.len()).map(|p| selection_of(data, p)).collect();
        let (orders, records) = seed::orders(data, seed);
        let orders = orders.into_iter().map(|o| OrderRow { partner: o.partner, customer: o.customer, order: o.order });
        let records =
            records.into_iter().map(|r| RecordRow { partner: r.partner, customer: r.customer, record: r.record });
        KooGallery { selections, book: Mutex::new(Book { orders: orders.collect(), records: records.collect() }) }
    }

    fn book(&self) -> MutexGuard<'_, Book> {
        self.book.lock().expect("koogallery lock")
    }

    pub fn selection(&self, p: PartnerIx) -> &Selection {
        &self.selections[p]
    }

    /// 403 `CBC.50090001` unless the partner is a 严选 partner.
    fn require_selected(&self, p: PartnerIx) -> Result<(), ApiFailure> {
        let s = self.selection(p);
        if s.selected {
            return Ok(());
        }
        let why = s.reason_code.as_deref().unwrap_or(reason::NOT_SELECTED);
        let msg = format!("the partner is not a KooGallery selected (严选) partner ({why})");
        Err(ApiFailure::new(StatusCode::FORBIDDEN, codes::KOO_NOT_SELECTED, msg))
    }

    /// The ids of the seeded or current orders of a partner (tests, docs).
    pub fn order_ids(&self, p: PartnerIx) -> Vec<String> {
        self.book().orders.iter().filter(|o| o.partner == p).map(|o| o.order.order_id.clone()).collect()
    }
}

fn visible(v: &Viewer, partner: PartnerIx, customer: CustomerIx) -> bool {
    partner == v.partner_ix && v.can_see(v.data.customer(customer))
}

/// The order as answered at `now`: its effective status.
fn answered(o: &MarketplaceOrder, now: Instant) -> MarketplaceOrder {
    let st = effective_status(&o.status, o.expire_time, now).to_string();
    MarketplaceOrder { status: st, ..o.clone() }
}

fn refusal(p: &PriceProblem) -> ApiFailure {
    let status = StatusCode::from_u16(p.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    ApiFailure::new(status, p.code(), p.message())
}

fn in_range(t: Instant, (begin, end): (Option<Instant>, Option<Instant>)) -> bool {
    begin.is_none_or(|b| t >= b) && end.is_none_or(|e| t < e)
}

/// `GET /v2/partners/koogallery/selection`: every partner and role may ask.
pub async fn selection(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> Json<Selection> {
    let p = state.data.users[caller.user].partner;
    Json(state.koogallery.selection(p).clone())
}

/// `GET /v2/partners/koogallery/orders`.
pub async fn orders(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(q): QueryParams<ListMarketplaceOrdersRequest>,
) -> Result<Json<MarketplaceOrderList>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    state.koogallery.require_selected(v.partner_ix)?;
    let range = q.check()?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let now = state.vouchers.now();
    let book = state.koogallery.book();
    let mut rows: Vec<MarketplaceOrder> = book
        .orders
        .iter()
        .filter(|o| visible(&v, o.partner, o.customer))
        .filter(|o| q.customer_id.as_ref().is_none_or(|c| &o.order.customer_id == c))
        .filter(|o| q.order_id.as_ref().is_none_or(|id| same_order_id(&o.order.order_id, id)))
        .filter(|o| in_range(o.order.created_time, range))
        .map(|o| answered(&o.order, now))
        .filter(|o| q.status.as_ref().is_none_or(|s| &o.status == s))
        .collect();
    rows.sort_by(|a, b| b.created_time.cmp(&a.created_time).then_with(|| a.order_id.cmp(&b.order_id)));
    let total_count = rows.len() as u64;
    Ok(Json(MarketplaceOrderList { total_count, orders: rows[page.range(rows.len())].to_vec() }))
}

/// `POST /v2/partners/koogallery/orders/price-adjust`: the request's own rules (400
/// `CBC.0100`), the order among those the person sees (400 `CBC.50090002`), then the rules
/// against the order, checked and applied under the book's one lock.
pub async fn adjust(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<AdjustPriceRequest>,
) -> Result<Json<AdjustPriceResponse>, ApiFailure> {
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    state.koogallery.require_selected(v.partner_ix)?;
    if let Some(p) = check_input(&req).first() {
        return Err(refusal(p));
    }
    let now = state.vouchers.now();
    let mut book = state.koogallery.book();
    let Book { orders, records } = &mut *book;
    let row = orders
        .iter_mut()
        .find(|o| same_order_id(&o.order.order_id, &req.order_id) && visible(&v, o.partner, o.customer))
        .ok_or_else(|| {
            ApiFailure::new(StatusCode::BAD_REQUEST, codes::KOO_ORDER_NOT_FOUND, "no such marketplace order")
        })?;
    if let Some(p) = check_against(&answered(&row.order, now), &req).first() {
        return Err(refusal(p));
    }
    let o = &mut row.order;
    let old_amount = o.amount;
    o.amount = req.new_amount;
    o.adjusted_times += 1;
    o.last_adjusted_time = Some(now);
    let adjust_id = format!("KA{:08}", records.len() + 1);
    records.push(RecordRow {
        partner: row.partner,
        customer: row.customer,
        record: PriceAdjustRecord {
            adjust_id: adjust_id.clone(),
            order_id: o.order_id.clone(),
            customer_id: o.customer_id.clone(),
            customer_name: o.customer_name.clone(),
            product_name: o.product_name.clone(),
            old_amount,
            new_amount: req.new_amount,
            currency: o.currency.clone(),
            measure_id: o.measure_id,
            reason: req.reason.trim().to_string(),
            operator: v.user.name.clone(),
            operator_name: v.user.display_name.clone(),
            operation_time: now,
        },
    });
    Ok(Json(AdjustPriceResponse {
        adjust_id,
        order_id: o.order_id.clone(),
        old_amount,
        new_amount: req.new_amount,
        currency: o.currency.clone(),
        measure_id: o.measure_id,
        operation_time: now,
    }))
}

/// `GET /v2/partners/koogallery/price-adjust-records`.
pub async fn records(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(q): QueryParams<ListPriceAdjustRecordsRequest>,
) -> Result<Json<PriceAdjustRecordList>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    state.koogallery.require_selected(v.partner_ix)?;
    let range = q.check()?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let book = state.koogallery.book();
    let mut rows: Vec<&PriceAdjustRecord> = book
        .records
        .iter()
        .filter(|r| visible(&v, r.partner, r.customer))
        .map(|r| &r.record)
        .filter(|r| q.order_id.as_ref().is_none_or(|id| same_order_id(&r.order_id, id)))
        .filter(|r| q.customer_id.as_ref().is_none_or(|c| &r.customer_id == c))
        .filter(|r| in_range(r.operation_time, range))
        .collect();
    rows.sort_by(|a, b| b.operation_time.cmp(&a.operation_time).then_with(|| b.adjust_id.cmp(&a.adjust_id)));
    let total_count = rows.len() as u64;
    let records = rows[page.range(rows.len())].iter().map(|r| (*r).clone()).collect();
    Ok(Json(PriceAdjustRecordList { total_count, records }))
}
