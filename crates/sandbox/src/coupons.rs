//! V1–V6 (PARTNER_API.md §6): quota list, batch issue with partial success, issued-coupon
//! list, reclaim (204 / business failure in a 200), operation records, and the partner
//! view of sub-customer coupons.
//!
//! Acting partner: the caller's own partner, or, when a distributor passes
//! `indirect_partner_id`, that reseller (anything else is 400 `CBC.99000037`). Service
//! partners get 403 `CBC.0151` everywhere here. Rows about customers are limited to the
//! customers the signed-in person may see (FEATURES.md roles).

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::seed_coupons::{face_bounds, PRODUCT_IDS, SERVICE_TYPES};
use crate::store::{AppState, CustomerIx, Data, PartnerIx};
use crate::visibility::Viewer;
use crate::vouchers::{plan_id, plan_name, Coupon, Ledger, NewCoupon, Quota};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use partner_api::coupons::*;
use partner_api::error::{codes as common, ErrorBody, ErrorDetail};
use partner_api::money::MEASURE_YUAN;
use partner_api::profile::partner_type;
use partner_api::time::Instant;
use partner_api::validate::Violation;
use partner_api::PageRequest;

pub const CURRENCY: &str = "CNY";

/// Coupons, quotas and whitelists belong to distributors and resellers only.
pub fn require_coupon_partner(v: &Viewer) -> Result<(), ApiFailure> {
    if v.partner.partner_type == partner_type::SERVICE_PARTNER {
        Err(ApiFailure::access_denied("service partners have no voucher or cash-coupon quotas"))
    } else {
        Ok(())
    }
}

/// The partner whose quotas and coupons this call is about.
pub fn acting_partner(v: &Viewer, indirect_partner_id: Option<&str>) -> Result<PartnerIx, ApiFailure> {
    require_coupon_partner(v)?;
    match indirect_partner_id {
        Some(id) => v.reseller(id),
        None => Ok(v.partner_ix),
    }
}

fn failure(status: StatusCode, code: &'static str, msg: impl Into<String>) -> ApiFailure {
    ApiFailure::new(status, code, msg)
}

fn in_range(t: Instant, (b, e): (Option<Instant>, Option<Instant>)) -> bool {
    b.is_none_or(|b| t >= b) && e.is_none_or(|e| t < e)
}

fn in_range_opt(t: Option<Instant>, r: (Option<Instant>, Option<Instant>)) -> bool {
    match t {
        Some(t) => in_range(t, r),
        None => r.0.is_none() && r.1.is_none(),
    }
}

pub fn quota_row(q: &Quota) -> CouponQuota {
    CouponQuota {
        quota_id: q.id.clone(),
        quota_type: q.quota_type,
        create_time: q.create_time,
        last_update_time: q.last_update_time,
        quota_value: q.value,
        quota_status: q.status,
        balance: q.balance,
        measure_id: MEASURE_YUAN,
        currency: CURRENCY.into(),
        effective_time: q.effective_time,
        expire_time: q.expire_time,
        limit_infos: q.limits.clone(),
    }
}

// ---- V1 ----

pub async fn list_quotas(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ListQuotaCouponsRequest>,
) -> Result<Json<ListQuotaCouponsResponse>, ApiFailure> {
    let f = req.check()?;
    let v = Viewer::new(&state.data, caller.user);
    let acting = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let ledger = state.vouchers.ledger();
    let mut rows: Vec<&Quota> = ledger
        .quotas
        .iter()
        .filter(|q| {
            q.owner == acting
                && (req.quota_ids.is_empty() || req.quota_ids.contains(&q.id))
                && (req.quota_status_list.is_empty() || req.quota_status_list.contains(&q.status))
                && req.quota_type.is_none_or(|t| q.quota_type == t)
                && in_range(q.create_time, f.create)
                && in_range(q.effective_time, f.effective)
                && in_range(q.expire_time, f.expire)
        })
        .collect();
    rows.sort_by(|a, b| b.create_time.cmp(&a.create_time).then_with(|| a.id.cmp(&b.id)));
    let quotas = rows[f.page.range(rows.len())].iter().map(|q| quota_row(q)).collect();
    Ok(Json(ListQuotaCouponsResponse { total_count: Some(rows.len() as u64), quotas }))
}

// ---- V2 ----

/// The quota-level checks of V2 (whole request, 4xx). Returns the use limits the coupons get.
fn check_quota(
    q: &Quota,
    acting: PartnerIx,
    req: &CreatePartnerCouponsRequest,
    ck: &IssueCheck,
    now: Instant,
) -> Result<(Vec<LimitInfo>, Instant, Instant), ApiFailure> {
    let bad = StatusCode::BAD_REQUEST;
    if q.owner != acting {
        return Err(failure(bad, codes::QUOTA_MISSING, format!("quota {} does not exist", req.quota_id)));
    }
    if q.status != quota_status::NORMAL {
        let msg = format!("quota {} has status {} and cannot issue coupons", q.id, q.status);
        return Err(failure(bad, codes::QUOTA_MISSING, msg));
    }
    if now < q.effective_time || now >= q.expire_time {
        let msg = format!("quota {} is not in effect (not yet effective or expired)", q.id);
        return Err(failure(bad, codes::QUOTA_NOT_EFFECTIVE, msg));
    }
    let (min, max) = face_bounds(&q.limits);
    if ck.face_value < min {
        let msg = format!("face_value {} is below the quota's minimum {min}", ck.face_value);
        return Err(failure(bad, codes::FACE_VALUE_BELOW_MIN, msg));
    }
    if ck.face_value > max {
        let msg = format!("face_value {} is above the quota's maximum {max}", ck.face_value);
        return Err(failure(bad, codes::FACE_VALUE_ABOVE_MAX, msg));
    }
    let mut limits = Vec::new();
    for (key, given, catalog, unknown) in [
        (limit_key::CLOUD_SERVICE_TYPE, &req.cloud_service_types, SERVICE_TYPES, codes::SERVICE_TYPE_NOT_FOUND),
        (limit_key::PRODUCT_ID, &req.product_ids, PRODUCT_IDS, codes::PRODUCT_NOT_FOUND),
    ] {
        let allowed = find_limit(&q.limits, key).map(LimitInfo::list);
        if let Some(x) = given.iter().find(|x| !catalog.contains(&x.as_str())) {
            return Err(failure(bad, unknown, format!("{key} '{x}' does not exist")));
        }
        if let Some(x) = allowed.as_ref().and_then(|a| given.iter().find(|x| !a.contains(x))) {
            return Err(failure(bad, codes::LIMITS_EXCEED_QUOTA, format!("{key} '{x}' is outside the quota's limits")));
        }
        let values: Vec<String> = if given.is_empty() { allowed.unwrap_or_default() } else { given.clone() };
        if !values.is_empty() {
            limits.push(LimitInfo {
                limit_key: key.into(),
                limit_values: vec![LimitValue { value1: Some(values.join(",")), value2: None }],
            });
        }
    }
    let valid = ck.valid_time.unwrap_or(q.effective_time);
    let expire = ck.expire_time.unwrap_or(q.expire_time);
    if valid < q.effective_time {
        return Err(Violation::new("valid_time", "must not be earlier than the quota's effective_time").into());
    }
    if expire > q.expire_time {
        return Err(Violation::new("expire_time", "must not be later than the quota's expire_time").into());
    }
    if expire <= now {
        return Err(Violation::new("expire_time", "must be in the future").into());
    }
    if valid >= expire {
        return Err(Violation::new("valid_time", "must be earlier than expire_time").into());
    }
    Ok((limits, valid, expire))
}

/// Why one customer of a V2 batch cannot get a coupon; `record` says whether a failed V5
/// record is written (only for the partner's own visible customers).
fn customer_problem(
    data: &Data,
    v: &Viewer,
    wl: &crate::whitelist::Whitelists,
    acting: PartnerIx,
    id: &str,
) -> Result<CustomerIx, (&'static str, &'static str, Option<CustomerIx>)> {
    let Some(&c) = data.customer_by_id.get(id).filter(|&&c| data.customer(c).partner == acting) else {
        return Err((common::NOT_SUB_CUSTOMER, "not your sub-customer", None));
    };
    let cu = data.customer(c);
    if !v.can_see(cu) {
        return Err((common::NO_CUSTOMER_PERMISSION, "no permission to operate on this customer", None));
    }
    if cu.association_type != "2" {
        let msg = "coupons cannot be issued to customers of this association type (referral)";
        return Err((codes::ASSOCIATION_TYPE_NOT_ALLOWED, msg, Some(c)));
    }
    if !wl.is_member(acting, c) {
        return Err((codes::NOT_WHITELISTED, "the customer is not on the current whitelist", Some(c)));
    }
    Ok(c)
}

pub async fn issue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<CreatePartnerCouponsRequest>,
) -> Result<Json<CreatePartnerCouponsResponse>, ApiFailure> {
    let ck = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let acting = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    // A partner's own account is not one of its customers.
    if req.customer_ids.iter().any(|id| data.partner_by_id(id).is_some()) {
        let msg = "a partner of this type cannot issue coupons to itself";
        return Err(failure(StatusCode::BAD_REQUEST, codes::CANNOT_ISSUE_TO_SELF, msg));
    }
    let missing =
        || failure(StatusCode::BAD_REQUEST, codes::QUOTA_MISSING, format!("quota {} does not exist", req.quota_id));
    if state.vouchers.ledger().quota(&req.quota_id).is_none() {
        return Err(missing());
    }
    // V2 waits for another operation on the same quota to finish (no CBC.50000045 here).
    let _op = state.vouchers.op_lock(&req.quota_id).lock_owned().await;
    let mut ledger = state.vouchers.ledger();
    let now = state.vouchers.now();
    let q = ledger.quota(&req.quota_id).ok_or_else(missing)?;
    let (limits, valid, expire) = check_quota(&ledger.quotas[q], acting, &req, &ck, now)?;
    let wl = state.vouchers.whitelists.lock().expect("whitelists");
    let mut resp = CreatePartnerCouponsResponse::default();
    for id in &req.customer_ids {
        let fail = |ledger: &mut Ledger,
                    resp: &mut CreatePartnerCouponsResponse,
                    code: &str,
                    msg: &str,
                    c: Option<CustomerIx>| {
            resp.error_details.push(ErrorDetail { error_code: code.into(), error_msg: msg.into(), id: id.clone() });
            if let Some(c) = c {
                ledger.record_failed_issue(q, acting, c, ck.face_value, now, format!("{code} {msg}"));
            }
        };
        let c = match customer_problem(data, &v, &wl, acting, id) {
            Ok(c) => c,
            Err((code, msg, c)) => {
                fail(&mut ledger, &mut resp, code, msg, c);
                continue;
            }
        };
        if ledger.quotas[q].balance < ck.face_value {
            let msg = "the quota balance is insufficient";
            fail(&mut ledger, &mut resp, codes::INSUFFICIENT_QUOTA, msg, Some(c));
            continue;
        }
        let coupon = NewCoupon {
            customer: c,
            issuer: acting,
            face_value: ck.face_value,
            valid_time: valid,
            expire_time: expire,
            use_limits: limits.clone(),
            memo: req.memo.clone().filter(|m| !m.is_empty()),
            frozen: data.customer(c).is_frozen != 0,
        };
        let ix = ledger.issue(q, coupon, now);
        resp.coupon_infos.push(CouponInfo { id: id.clone(), coupon_id: ledger.coupons[ix].id.clone() });
    }
    Ok(Json(resp))
}

// ---- V3 ----

fn visible_coupon(data: &Data, v: &Viewer, c: &Coupon) -> bool {
    v.can_see(data.customer(c.customer))
}

pub fn issued_row(data: &Data, c: &Coupon, now: Instant) -> IssuedCoupon {
    IssuedCoupon {
        coupon_id: c.id.clone(),
        status: c.status_at(now),
        customer_id: data.customer(c.customer).id.clone(),
        coupon_type: c.coupon_type(),
        measure_id: MEASURE_YUAN,
        face_value: c.face_value,
        balance: c.balance,
        effective_time: c.valid_time,
        expire_time: c.expire_time,
        create_time: c.create_time,
        active_time: c.active_time.or((c.valid_time <= now).then_some(c.valid_time)),
        last_used_time: c.last_used_time,
        order_id: c.order_id.clone(),
        lock_order_id: None,
        promotion_plan_id: Some(plan_id(c.quota_type)),
        promotion_plan_name: Some(plan_name(c.quota_type).into()),
        promotion_plan_desc: c.memo.clone(),
        promotion_id: None,
        media_type: media_type::ELECTRONIC,
        fetch_method: fetch_method::ONLINE_ISSUE,
        is_frozen: if c.frozen { "1" } else { "0" }.into(),
        use_limits: c.use_limits.clone(),
    }
}

pub async fn list_issued(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<ListIssuedPartnerCouponsRequest>,
) -> Result<Json<ListIssuedPartnerCouponsResponse>, ApiFailure> {
    let req = query;
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let acting = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let now = state.vouchers.now();
    let two_years_ago = now - chrono::Duration::days(730);
    let ledger = state.vouchers.ledger();
    let mut rows: Vec<&Coupon> = ledger
        .coupons
        .iter()
        .filter(|c| {
            let status = c.status_at(now);
            c.issuer == acting
                && !(status == coupon_status::EXPIRED && c.expire_time < two_years_ago)
                && req.coupon_id.as_ref().is_none_or(|id| &c.id == id)
                && req.customer_id.as_ref().is_none_or(|id| &data.customer(c.customer).id == id)
                && req.order_id.as_ref().is_none_or(|id| c.order_id.as_ref() == Some(id))
                && f.coupon_type.is_none_or(|t| c.coupon_type() == t)
                && f.status.is_none_or(|s| status == s)
                && in_range(c.create_time, f.create)
                && in_range(c.valid_time, f.effective)
                && in_range(c.expire_time, f.expire)
                && visible_coupon(data, &v, c)
        })
        .collect();
    rows.sort_by(|a, b| b.create_time.cmp(&a.create_time).then_with(|| b.id.cmp(&a.id)));
    let user_coupons = rows[f.page.range(rows.len())].iter().map(|c| issued_row(data, c, now)).collect();
    Ok(Json(ListIssuedPartnerCouponsResponse { total_count: Some(rows.len() as u64), user_coupons }))
}

// ---- V4 ----

/// HTTP 200 with a CBC code in the body (a business failure, §1.5).
fn business(code: &str, msg: &str) -> Response {
    (StatusCode::OK, Json(ErrorBody { error_code: code.into(), error_msg: msg.into() })).into_response()
}

pub async fn reclaim(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ReclaimPartnerCouponsRequest>,
) -> Result<Response, ApiFailure> {
    req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let acting = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let unknown = || ApiFailure::invalid(Violation::new("coupon_id", "does not identify a coupon you issued"));
    let quota_id = {
        let ledger = state.vouchers.ledger();
        let c = ledger.coupon(&req.coupon_id).map(|i| &ledger.coupons[i]);
        let c = c.filter(|c| c.issuer == acting && visible_coupon(data, &v, c)).ok_or_else(unknown)?;
        c.quota_id.clone()
    };
    let _op = state.vouchers.op_lock(&quota_id).lock_owned().await;
    let mut ledger = state.vouchers.ledger();
    let now = state.vouchers.now();
    let ix = ledger.coupon(&req.coupon_id).ok_or_else(unknown)?;
    let c = &ledger.coupons[ix];
    if data.customer(c.customer).association_type != "2" {
        let msg = "coupons of referral customers cannot be reclaimed";
        return Err(failure(StatusCode::BAD_REQUEST, codes::REFERRAL_NO_RECLAIM, msg));
    }
    match c.status_at(now) {
        coupon_status::EXPIRED | coupon_status::RECLAIMED => {
            return Ok(business(codes::EXPIRED_OR_RECLAIMED, "the coupon has already expired or been reclaimed"));
        }
        coupon_status::USED => {
            return Ok(business(codes::EXPIRED_OR_RECLAIMED, "the coupon is used up: nothing is left to reclaim"));
        }
        _ => {}
    }
    ledger.reclaim(ix, operation_type::MANUAL_RECLAIM, now, None);
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ---- V5 ----

pub async fn records(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<ListPartnerCouponsRecordRequest>,
) -> Result<Json<ListPartnerCouponsRecordResponse>, ApiFailure> {
    let req = query;
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let acting = acting_partner(&v, req.indirect_partner_id.as_deref())?;
    let ledger = state.vouchers.ledger();
    let mut rows: Vec<_> = ledger
        .coupon_records
        .iter()
        .filter(|r| {
            r.partner == acting
                && (req.operation_types.is_empty() || req.operation_types.iter().any(|t| t == r.operation_type))
                && req.quota_id.as_ref().is_none_or(|q| &r.quota_id == q)
                && f.quota_type.is_none_or(|t| r.quota_type == t)
                && (req.coupon_ids.is_empty() || r.coupon_id.as_ref().is_some_and(|c| req.coupon_ids.contains(c)))
                && req.customer_id.as_ref().is_none_or(|id| &data.customer(r.customer).id == id)
                && in_range(r.time, f.operation_time)
                && req.result.as_deref().is_none_or(|x| r.result == x)
                && v.can_see(data.customer(r.customer))
        })
        .collect();
    rows.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.id.cmp(&a.id)));
    let records = rows[f.page.range(rows.len())]
        .iter()
        .map(|r| CouponRecord {
            id: r.id.to_string(),
            operation_type: r.operation_type.into(),
            quota_id: r.quota_id.clone(),
            quota_type: r.quota_type,
            coupon_id: r.coupon_id.clone(),
            customer_id: data.customer(r.customer).id.clone(),
            operation_amount: r.amount,
            operation_time: r.time,
            result: r.result.into(),
            remark: r.remark.clone(),
        })
        .collect();
    Ok(Json(ListPartnerCouponsRecordResponse { total_count: Some(rows.len() as u64), records }))
}

// ---- V6 ----

pub fn customer_row(data: &Data, c: &Coupon, now: Instant) -> CustomerCoupon {
    CustomerCoupon {
        coupon_id: c.id.clone(),
        coupon_code: Some(c.code.clone()),
        status: c.status_at(now),
        customer_id: data.customer(c.customer).id.clone(),
        coupon_type: c.coupon_type(),
        measure_id: MEASURE_YUAN,
        face_value: c.face_value,
        balance: c.balance,
        valid_time: c.valid_time,
        expire_time: c.expire_time,
        active_time: c.active_time.or((c.valid_time <= now).then_some(c.valid_time)),
        reserve_time: None,
        create_time: c.create_time,
        order_id: c.order_id.clone(),
        lock_order_id: None,
        promotion_plan_id: Some(plan_id(c.quota_type)),
        plan_name: Some(plan_name(c.quota_type).into()),
        plan_desc: c.memo.clone(),
        promotion_id: None,
        media_type: media_type::ELECTRONIC,
        fetch_method: fetch_method::ONLINE_ISSUE,
        use_limits: c.use_limits.clone(),
        coupon_version: 2,
        coupon_usage: Some("PARTNER".into()),
        is_frozen: if c.frozen { "1" } else { "0" }.into(),
        currency: CURRENCY.into(),
        extend_param1: None,
        source_id: Some(data.partners[c.issuer].id.clone()),
    }
}

pub async fn sub_customer_coupons(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<ListSubCustomerCouponsRequest>,
) -> Result<Json<ListSubCustomerCouponsResponse>, ApiFailure> {
    let req = query;
    let f = req.check()?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    // Own and the resellers' coupons; with indirect_partner_id, that reseller's only.
    let issuers: Vec<PartnerIx> = match req.indirect_partner_id.as_deref() {
        Some(id) => vec![v.reseller(id)?],
        None => std::iter::once(v.partner_ix).chain(v.partner.resellers.iter().copied()).collect(),
    };
    let now = state.vouchers.now();
    let year_ago = now - chrono::Duration::days(365);
    let page =
        if req.limit.is_none() { PageRequest { offset: 0, limit: partner_api::page::DEFAULT_LIMIT } } else { f.page };
    let ledger = state.vouchers.ledger();
    let mut rows: Vec<&Coupon> = ledger
        .coupons
        .iter()
        .filter(|c| {
            issuers.contains(&c.issuer)
                && c.ended_at(now).is_none_or(|t| t >= year_ago)
                && req.coupon_id.as_ref().is_none_or(|id| &c.id == id)
                && req.order_id.as_ref().is_none_or(|id| c.order_id.as_ref() == Some(id))
                && req.promotion_plan_id.as_ref().is_none_or(|p| &plan_id(c.quota_type) == p)
                && f.coupon_type.is_none_or(|t| c.coupon_type() == t)
                && f.status.is_none_or(|s| c.status_at(now) == s)
                && in_range_opt(c.active_time.or((c.valid_time <= now).then_some(c.valid_time)), f.active)
                && req.source_id.as_ref().is_none_or(|s| &data.partners[c.issuer].id == s)
                && visible_coupon(data, &v, c)
        })
        .collect();
    rows.sort_by(|a, b| b.create_time.cmp(&a.create_time).then_with(|| b.id.cmp(&a.id)));
    let user_coupons = rows[page.range(rows.len())].iter().map(|c| customer_row(data, c, now)).collect();
    Ok(Json(ListSubCustomerCouponsResponse { count: Some(rows.len() as u64), user_coupons }))
}
