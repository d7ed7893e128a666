//! Customer orders and resources (PARTNER_API.md §8) over the seeded orders
//! (`seed_orders.rs`):
//! - O1 `GET /v2/orders/customer-orders`
//! - O2 `GET /v2/orders/customer-orders/details/{order_id}`
//! - O3 `POST /v2/orders/suscriptions/resources/query` (yearly/monthly resources)
//! - O4 `POST /v2/partners/sub-customers/on-demand-resources/query` (pay-per-use resources)
//!
//! Visibility is the customers' (visibility.rs): a person sees the orders and resources of
//! the customers they may see, and `indirect_partner_id` works as in C1.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::seed_orders::{
    book, product_id, Book, Creator, FullOrder, Money, OrderRow, PpuResource, Product, Resource, SERVICES,
};
use crate::store::{AppState, Customer, CustomerIx, Data, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::{Extension, Json};
use partner_api::money::MEASURE_YUAN;
use partner_api::orders::{
    language, method, AgentPayInfo, AmountInfo, CustomerOnDemandResource, CustomerOrderV2, CustomerOrderV3,
    DiscountItem, EnterpriseProject, ListCustomerOnDemandResourcesResponse, ListCustomerOrdersRequest,
    ListCustomerOrdersResponse, ListPayPerUseCustomerResourcesResponse, OrderFilter, OrderInstanceV2,
    OrderLineItemEntityV2, ProductObject, QueryCustomerOnDemandResourcesReq, QueryResourcesReq,
    ShowCustomerOrderDetailsRequest, ShowCustomerOrderDetailsResponse, SubCustomerOrderV2, SubCustomerOrderV3,
    LANGUAGE_HEADER,
};
use partner_api::validate::Violation;
use partner_api::Amount;
use std::collections::HashMap;

fn english(headers: &HeaderMap) -> bool {
    language::is_english(headers.get(LANGUAGE_HEADER).and_then(|v| v.to_str().ok()))
}

fn pick(english: bool, zh: &str, en: &str) -> String {
    if english { en } else { zh }.to_string()
}

fn amount(cents: i64) -> Amount {
    Amount::from_cents(cents)
}

fn amount_info(m: &Money) -> AmountInfo {
    AmountInfo {
        discounts: m
            .discounts
            .iter()
            .map(|&(t, a)| DiscountItem { discount_type: t.to_string(), discount_amount: amount(a) })
            .collect(),
        flexipurchase_coupon_amount: Some(amount(m.cash_coupon)),
        coupon_amount: Some(amount(m.coupon)),
        stored_card_amount: Some(amount(m.stored_card)),
        commission_amount: m.commission.map(amount),
        consumed_amount: m.consumed.map(amount),
    }
}

/// Which customers' orders a request covers: those of `partner` (the caller's, or the
/// reseller named by `indirect_partner_id`) that this person may see.
struct Scope<'a> {
    v: Viewer<'a>,
    partner: PartnerIx,
    via_reseller: bool,
}

impl<'a> Scope<'a> {
    fn new(data: &'a Data, caller: Caller, indirect_partner_id: Option<&str>) -> Result<Self, ApiFailure> {
        let v = Viewer::new(data, caller.user);
        let reseller = indirect_partner_id.map(|id| v.reseller(id)).transpose()?;
        let partner = reseller.unwrap_or(v.partner_ix);
        Ok(Scope { v, partner, via_reseller: reseller.is_some() })
    }

    /// Without `indirect_partner_id`: the partner's own customers, by role. With it: the
    /// reseller's customers, which only the distributor's admin sees (as C1).
    fn covers(&self, c: &Customer) -> bool {
        c.partner == self.partner && self.v.can_see(c)
    }

    /// Candidate customers (a superset of what `covers` accepts, never all customers).
    fn pool(&self) -> Vec<CustomerIx> {
        let data = self.v.data;
        if self.via_reseller || self.v.is_admin() {
            data.partners[self.partner].customers.clone()
        } else {
            self.v.visible_customers()
        }
    }
}

// ------------------------------------------------------------------------------------------
// O1
// ------------------------------------------------------------------------------------------

fn row_matches(f: &OrderFilter, row: &OrderRow) -> bool {
    let secs = |t: Option<partner_api::time::Instant>| t.map(|t| t.timestamp());
    let (cb, ce) = (secs(f.create_time_begin), secs(f.create_time_end));
    let (pb, pe) = (secs(f.payment_time_begin), secs(f.payment_time_end));
    let paid = row.payment != 0;
    f.order_id.as_ref().is_none_or(|id| row.order_id().eq_ignore_ascii_case(id))
        && cb.is_none_or(|b| row.create >= b)
        && ce.is_none_or(|e| row.create < e)
        && pb.is_none_or(|b| paid && row.payment >= b)
        && pe.is_none_or(|e| paid && row.payment < e)
        && f.service_type_code.as_ref().is_none_or(|s| SERVICES[row.service as usize].code == s)
        && f.status.is_none_or(|s| row.status as i32 == s)
        && f.order_type.is_none_or(|t| row.order_type as i32 == t)
        // `method` only applies together with `customer_id` (as the SDK documents).
        && (f.customer_id.is_none() || row.sub_account == (f.method == method::SUB_CUSTOMER))
}

fn enterprise_project(ep: &(String, String)) -> EnterpriseProject {
    EnterpriseProject { id: Some(ep.0.clone()), name: Some(ep.1.clone()) }
}

fn order_v2(data: &Data, c: &Customer, o: &FullOrder) -> CustomerOrderV2 {
    let m = o.money();
    let svc = &SERVICES[o.row.service as usize];
    let sub_order_infos = o
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let pm = o.part_money(i);
            SubCustomerOrderV2 {
                order_id: p.id.clone(),
                customer_id: Some(c.id.clone()),
                service_type_code: Some(SERVICES[p.service].code.into()),
                service_type_name: Some(SERVICES[p.service].zh.into()),
                source_type: Some(o.source_type),
                status: Some(o.row.status as i32),
                order_type: Some(o.row.order_type as i32),
                amount_after_discount: Some(amount(pm.after())),
                official_amount: Some(amount(pm.official)),
                measure_id: Some(MEASURE_YUAN),
                create_time: Some(o.row.create_time()),
                payment_time: o.row.payment_time(),
                currency: Some(o.currency.into()),
                contract_id: o.contract_id.clone(),
                amount_info: Some(amount_info(&pm)),
                enterprise_projects: vec![enterprise_project(&o.enterprise_project)],
            }
        })
        .collect();
    CustomerOrderV2 {
        order_id: o.id.clone(),
        customer_id: Some(c.id.clone()),
        service_type_code: Some(svc.code.into()),
        // O1 takes no X-Language: names are zh_CN, the documented default.
        service_type_name: Some(svc.zh.into()),
        source_type: Some(o.source_type),
        status: Some(o.row.status as i32),
        order_type: Some(o.row.order_type as i32),
        amount_after_discount: Some(amount(m.after())),
        official_amount: Some(amount(m.official)),
        measure_id: Some(MEASURE_YUAN),
        create_time: Some(o.row.create_time()),
        payment_time: o.row.payment_time(),
        currency: Some(o.currency.into()),
        contract_id: o.contract_id.clone(),
        amount_info: Some(amount_info(&m)),
        enterprise_projects: vec![enterprise_project(&o.enterprise_project)],
        sub_order_infos,
        agent_pay_info: Some(AgentPayInfo {
            paying_agent_id: o.agent_pay.then(|| data.partners[c.partner].id.clone()),
            is_agent_pay: Some(o.agent_pay),
        }),
    }
}

pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<ListCustomerOrdersRequest>,
) -> Result<Json<ListCustomerOrdersResponse>, ApiFailure> {
    let f = query.check()?;
    let data = &state.data;
    let scope = Scope::new(data, caller, f.indirect_partner_id.as_deref())?;
    let pool: Vec<CustomerIx> = match (&f.customer_id, &f.order_id) {
        (Some(id), _) => data.customer_by_id.get(id).copied().into_iter().collect(),
        (None, Some(id)) => data.orders.find(id).map(|r| r.customer).into_iter().collect(),
        (None, None) => scope.pool(),
    };
    // Orders paid through O7 while the sandbox ran are completed (payment.rs).
    let paid = state.payments.snapshot();
    let mut hits: Vec<OrderRow> = Vec::new();
    for ix in pool {
        if scope.covers(data.customer(ix)) {
            let rows = data.orders.of_customer(ix).iter().map(|row| crate::payment::effective(&paid, row));
            hits.extend(rows.filter(|row| row_matches(&f, row)));
        }
    }
    // Equal creation seconds share the id prefix, so the suffix orders them by order id.
    hits.sort_unstable_by(|a, b| {
        let by_time = if f.descending { b.create.cmp(&a.create) } else { a.create.cmp(&b.create) };
        by_time.then(a.suffix.cmp(&b.suffix)).then(a.customer.cmp(&b.customer))
    });
    let mut books: HashMap<CustomerIx, Book> = HashMap::new();
    let order_infos = hits[f.page.range(hits.len())]
        .iter()
        .map(|row| {
            let b = books.entry(row.customer).or_insert_with(|| book(data, row.customer));
            let mut o = b.orders[row.ordinal as usize].clone();
            o.row = *row;
            order_v2(data, data.customer(row.customer), &o)
        })
        .collect();
    Ok(Json(ListCustomerOrdersResponse { total_count: Some(hits.len() as u64), order_infos }))
}

// ------------------------------------------------------------------------------------------
// O2
// ------------------------------------------------------------------------------------------

fn user_name(o: &FullOrder, english: bool) -> String {
    match &o.creator {
        Creator::Login(name) => name.clone(),
        Creator::Staff => pick(english, "运营人员", "Operations staff"),
        Creator::System => pick(english, "运营系统", "Operations system"),
    }
}

fn order_v3(c: &Customer, o: &FullOrder, english: bool) -> CustomerOrderV3 {
    let m = o.money();
    let svc = &SERVICES[o.row.service as usize];
    let sub_order_infos = o
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let pm = o.part_money(i);
            SubCustomerOrderV3 {
                order_id: p.id.clone(),
                customer_id: Some(c.id.clone()),
                service_type_code: Some(SERVICES[p.service].code.into()),
                service_type_name: Some(pick(english, SERVICES[p.service].zh, SERVICES[p.service].en)),
                source_type: Some(o.source_type),
                status: Some(o.row.status as i32),
                order_type: Some(o.row.order_type as i32),
                amount_after_discount: Some(amount(pm.after())),
                official_amount: Some(amount(pm.official)),
                measure_id: Some(MEASURE_YUAN),
                create_time: Some(o.row.create_time()),
                payment_time: o.row.payment_time(),
                currency: Some(o.currency.into()),
                contract_id: o.contract_id.clone(),
                amount_info: Some(amount_info(&pm)),
                user_name: Some(user_name(o, english)),
                pending_payment_end_time: o.pending_payment_end,
            }
        })
        .collect();
    CustomerOrderV3 {
        order_id: o.id.clone(),
        customer_id: Some(c.id.clone()),
        service_type_code: Some(svc.code.into()),
        service_type_name: Some(pick(english, svc.zh, svc.en)),
        source_type: Some(o.source_type),
        status: Some(o.row.status as i32),
        order_type: Some(o.row.order_type as i32),
        amount_after_discount: Some(amount(m.after())),
        official_amount: Some(amount(m.official)),
        measure_id: Some(MEASURE_YUAN),
        create_time: Some(o.row.create_time()),
        payment_time: o.row.payment_time(),
        currency: Some(o.currency.into()),
        contract_id: o.contract_id.clone(),
        amount_info: Some(amount_info(&m)),
        user_name: Some(user_name(o, english)),
        pending_payment_end_time: o.pending_payment_end,
        sub_order_infos,
    }
}

fn product_object(p: &Product, english: bool) -> ProductObject {
    let svc = &SERVICES[p.service];
    ProductObject {
        product_id: Some(product_id(p)),
        product_spec_desc: Some(pick(english, p.zh, p.en)),
        category_code: Some(svc.code.into()),
        product_owner_service: Some(svc.code.into()),
        commercial_resource: Some(p.resource_type.code.into()),
    }
}

fn line_items(o: &FullOrder, english: bool) -> Vec<OrderLineItemEntityV2> {
    o.items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let p = item.product;
            let svc = &SERVICES[p.service];
            let base = product_object(p, english);
            OrderLineItemEntityV2 {
                order_line_item_id: format!("{}-{:06}", o.id, n + 1),
                order_id: Some(item.part.map_or_else(|| o.id.clone(), |i| o.parts[i].id.clone())),
                service_type_code: Some(svc.code.into()),
                service_type_name: Some(pick(english, svc.zh, svc.en)),
                product_id: base.product_id.clone(),
                product_spec_desc: base.product_spec_desc.clone(),
                period_type: Some(item.period_type),
                period_num: item.period_num,
                effective_time: item.effective,
                expire_time: item.expire,
                subscription_num: Some(item.quantity),
                amount_after_discount: Some(amount(item.money.after())),
                official_amount: Some(amount(item.money.official)),
                amount_info: Some(amount_info(&item.money)),
                currency: Some(o.currency.into()),
                category_code: base.category_code.clone(),
                product_owner_service: base.product_owner_service.clone(),
                commercial_resource: base.commercial_resource.clone(),
                base_product_info: Some(base),
            }
        })
        .collect()
}

/// One answer for "no such order" and "not an order of your customers", so existence
/// never leaks: 400 `CBC.0100` naming `order_id` (O2 documents no other code for it).
fn order_not_found() -> ApiFailure {
    ApiFailure::invalid(Violation::new("order_id", "does not identify an order of your customers"))
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    order_id: Result<Path<String>, PathRejection>,
    QueryParams(query): QueryParams<ShowCustomerOrderDetailsRequest>,
    headers: HeaderMap,
) -> Result<Json<ShowCustomerOrderDetailsResponse>, ApiFailure> {
    let Ok(Path(order_id)) = order_id else {
        return Err(order_not_found());
    };
    let req = ShowCustomerOrderDetailsRequest { order_id, ..query };
    let page = req.check()?;
    let data = &state.data;
    let scope = Scope::new(data, caller, req.indirect_partner_id.as_deref())?;
    let row = data
        .orders
        .find(&req.order_id)
        .filter(|row| scope.covers(data.customer(row.customer)))
        .ok_or_else(order_not_found)?;
    let b = book(data, row.customer);
    let mut o = b.orders[row.ordinal as usize].clone();
    o.row = crate::payment::effective(&state.payments.snapshot(), row);
    if o.row.status != row.status {
        o.pending_payment_end = None;
    }
    let o = &o;
    let en = english(&headers);
    let items = line_items(o, en);
    Ok(Json(ShowCustomerOrderDetailsResponse {
        total_count: Some(items.len() as u64),
        order_info: Some(order_v3(data.customer(row.customer), o, en)),
        order_line_items: items[page.range(items.len())].to_vec(),
    }))
}

// ------------------------------------------------------------------------------------------
// O3
// ------------------------------------------------------------------------------------------

fn instance(r: &Resource) -> OrderInstanceV2 {
    let p = r.product;
    let svc = &SERVICES[p.service];
    OrderInstanceV2 {
        id: r.id.clone(),
        resource_id: Some(r.resource_id.clone()),
        resource_name: Some(r.name.clone()),
        region_code: Some(r.region.into()),
        service_type_code: Some(svc.code.into()),
        resource_type_code: Some(p.resource_type.code.into()),
        // O3 takes no X-Language: names are zh_CN, the documented default.
        resource_type_name: Some(p.resource_type.zh.into()),
        service_type_name: Some(svc.zh.into()),
        resource_spec_code: Some(p.spec_code.into()),
        project_id: Some(r.project_id.clone()),
        product_id: Some(product_id(p)),
        parent_resource_id: r.parent.clone(),
        is_main_resource: Some(r.is_main as i32),
        status: Some(r.status),
        effective_time: Some(r.effective),
        expire_time: Some(r.expire),
        expire_policy: Some(r.expire_policy),
        product_spec_desc: Some(p.zh.into()),
        spec_size: p.size.and_then(|(s, _)| Amount::parse(&format!("{s}.0"))),
        spec_size_measure_id: p.size.map(|(_, m)| m),
        update_time: Some(r.update),
        enterprise_project: Some(enterprise_project(&r.enterprise_project)),
    }
}

/// The customer an O3/O4 call names, if this person may see it; else 400 `CBC.99000035`.
fn named_customer<'a>(
    data: &'a Data,
    customer_id: &str,
    visible: impl Fn(&Customer) -> bool,
) -> Result<(CustomerIx, &'a Customer), ApiFailure> {
    data.customer_by_id
        .get(customer_id)
        .map(|&ix| (ix, data.customer(ix)))
        .filter(|(_, c)| visible(c))
        .ok_or_else(ApiFailure::not_sub_customer)
}

pub async fn resources(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<QueryResourcesReq>,
) -> Result<Json<ListPayPerUseCustomerResourcesResponse>, ApiFailure> {
    // Every sandbox caller is a partner, so `customer_id` is required.
    let f = req.check(true)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let (ix, _) = named_customer(data, f.customer_id.as_deref().unwrap_or(""), |c| v.can_see(c))?;
    let b = book(data, ix);
    let of_order = |r: &Resource| {
        f.order_id.as_ref().is_none_or(|id| {
            r.orders.iter().any(|&o| {
                let o = &b.orders[o as usize];
                o.id.eq_ignore_ascii_case(id) || o.parts.iter().any(|p| p.id.eq_ignore_ascii_case(id))
            })
        })
    };
    let listed = |id: &str| f.resource_ids.iter().any(|x| x == id);
    let mut rows: Vec<&Resource> = b
        .resources
        .iter()
        .filter(|r| {
            // A listed main resource brings its attached ones (unless main only); a listed
            // attached resource matches itself.
            let by_id = f.resource_ids.is_empty()
                || listed(&r.resource_id)
                || (!f.main_only && r.parent.as_deref().is_some_and(listed));
            by_id
                && (!f.main_only || r.is_main || listed(&r.resource_id))
                && of_order(r)
                && (f.status_list.is_empty() || f.status_list.contains(&r.status))
                && f.expire_time_begin.is_none_or(|t| r.expire >= t)
                && f.expire_time_end.is_none_or(|t| r.expire < t)
                && f.service_type_code.as_ref().is_none_or(|s| SERVICES[r.product.service].code == s)
        })
        .collect();
    // Newest first; an attached resource right after its main one.
    rows.sort_by(|a, b| {
        let group = |r: &Resource| r.parent.clone().unwrap_or_else(|| r.resource_id.clone());
        b.effective
            .cmp(&a.effective)
            .then_with(|| group(a).cmp(&group(b)))
            .then(b.is_main.cmp(&a.is_main))
            .then_with(|| a.resource_id.cmp(&b.resource_id))
    });
    Ok(Json(ListPayPerUseCustomerResourcesResponse {
        data: rows[f.page.range(rows.len())].iter().map(|r| instance(r)).collect(),
        total_count: Some(rows.len() as u64),
    }))
}

// ------------------------------------------------------------------------------------------
// O4
// ------------------------------------------------------------------------------------------

fn on_demand_row(c: &Customer, r: &PpuResource, english: bool) -> CustomerOnDemandResource {
    let p = r.product;
    let svc = &SERVICES[p.service];
    CustomerOnDemandResource {
        customer_id: Some(c.id.clone()),
        region_code: Some(r.region.into()),
        availability_zone_code: Some(r.zone.into()),
        service_type_code: Some(svc.code.into()),
        resource_type_code: Some(p.resource_type.code.into()),
        service_type_name: Some(pick(english, svc.zh, svc.en)),
        resource_type_name: Some(pick(english, p.resource_type.zh, p.resource_type.en)),
        resource_id: r.resource_id.clone(),
        resource_name: Some(r.name.clone()),
        effective_time: Some(r.effective),
        expire_time: r.expire,
        status: Some(r.status),
        resource_spec_code: Some(p.spec_code.into()),
        resource_info: p.size.map(|(s, _)| format!("{{\"specSize\":{s}.0}}")),
        product_spec_desc: Some(pick(english, p.zh, p.en)),
    }
}

pub async fn on_demand(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    JsonBody(req): JsonBody<QueryCustomerOnDemandResourcesReq>,
) -> Result<Json<ListCustomerOnDemandResourcesResponse>, ApiFailure> {
    let f = req.check()?;
    let data = &state.data;
    let scope = Scope::new(data, caller, f.indirect_partner_id.as_deref())?;
    let (ix, c) = named_customer(data, &f.customer_id, |c| scope.covers(c))?;
    if c.association_type == "1" {
        return Err(ApiFailure::access_denied(
            "pay-per-use resources can only be queried for resale customers, not referral customers",
        ));
    }
    let b = book(data, ix);
    let rows: Vec<&PpuResource> = b
        .on_demand
        .iter()
        .filter(|r| {
            f.region_code.as_ref().is_none_or(|x| r.region.eq_ignore_ascii_case(x))
                && f.service_type_code.as_ref().is_none_or(|s| SERVICES[r.product.service].code == s)
                && (f.resource_ids.is_empty() || f.resource_ids.contains(&r.resource_id))
                && f.effective_time_begin.is_none_or(|t| r.effective >= t)
                && f.effective_time_end.is_none_or(|t| r.effective < t)
                && f.status.is_none_or(|s| r.status == s)
        })
        .collect();
    let en = english(&headers);
    Ok(Json(ListCustomerOnDemandResourcesResponse {
        resources: rows[f.page.range(rows.len())].iter().map(|r| on_demand_row(c, r, en)).collect(),
        total_count: Some(rows.len() as u64),
    }))
}
