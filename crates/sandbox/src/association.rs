//! S13 association events (docs/contracts/association-events.md): the event list, the partner's
//! unbinding / switch requests, actions on events, a customer's constraints, and the control
//! endpoints (`/__sandbox/association-cases`, `/__sandbox/association-events/answer`).
//! Visibility is the customers' (visibility.rs); a reseller's customers' events are read-only
//! for the distributor.

use crate::association_book::{effective, Book};
use crate::association_seed::Event;
use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::profile::person;
use crate::store::{AppState, CustomerIx, Data};
use crate::visibility::Viewer;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use partner_api::association::rules::{self, check_reason};
use partner_api::association::{
    action, event_type, source, AssociationEvent, Constraints, CreateEventRequest, EventAction, EventList, EventQuery,
    DEFAULT_ORDER_BY, SORT_KEYS,
};
use partner_api::codes;
use partner_api::page::PageRequest;
use partner_api::time::Instant;
use partner_api::validate::{max_len, one_of, range, required_text, utc_opt, value_list, Violation};
use serde::Deserialize;

fn row(data: &Data, v: &Viewer, e: &Event, now: Instant) -> AssociationEvent {
    let c = data.customer(e.customer);
    let partner = &data.partners[c.partner];
    let reseller = partner.parent.is_some().then_some(partner);
    let own = c.partner == v.partner_ix;
    let status = effective(e, now);
    AssociationEvent {
        event_id: e.id.clone(),
        event_type: e.kind.into(),
        initiator: e.initiator.into(),
        status: status.into(),
        source: if own { source::OWN } else { source::RESELLER }.into(),
        customer_id: c.id.clone(),
        account_name: c.account_name.clone(),
        customer: c.customer.clone(),
        association_type: e.association_type.into(),
        target_association_type: e.target.map(String::from),
        indirect_partner_id: reseller.map(|p| p.id.clone()),
        indirect_partner_name: reseller.map(|p| p.name.clone()),
        account_manager: c.account_manager.map(|am| person(data, am)),
        reason: e.reason.clone(),
        handle_reason: e.handle_reason.clone(),
        created_time: e.created,
        deadline: e.deadline,
        handled_time: e.handled,
        seconds_left: e
            .deadline
            .filter(|_| {
                status == partner_api::association::status::PENDING_PARTNER
                    || status == partner_api::association::status::PENDING_CUSTOMER
            })
            .map(|d| (d - now).num_seconds().max(0)),
        allowed_actions: if own {
            rules::actions(e.kind, status).into_iter().map(String::from).collect()
        } else {
            vec![]
        },
    }
}

struct Checked {
    keyword: Option<String>,
    begin: Option<Instant>,
    end: Option<Instant>,
    by_deadline: bool,
    descending: bool,
    page: PageRequest,
}

fn validate(q: &EventQuery) -> Result<Checked, Violation> {
    value_list("event_types", &q.event_types, 10, 32)?;
    q.event_types.iter().try_for_each(|t| one_of("event_types", t, event_type::ALL))?;
    value_list("statuses", &q.statuses, 10, 32)?;
    q.statuses.iter().try_for_each(|s| one_of("statuses", s, partner_api::association::status::ALL))?;
    if let Some(s) = &q.source {
        one_of("source", s, source::ALL)?;
    }
    max_len("keyword", q.keyword.as_deref(), 64)?;
    max_len("customer_id", q.customer_id.as_deref(), 64)?;
    let begin = utc_opt("created_begin", q.created_begin.as_deref())?;
    let end = utc_opt("created_end", q.created_end.as_deref())?;
    range("created_begin", begin, end)?;
    let raw = q.order_by.as_deref().unwrap_or(DEFAULT_ORDER_BY);
    let (descending, key) = raw.strip_prefix('-').map_or((false, raw), |k| (true, k));
    if !SORT_KEYS.contains(&key) {
        let keys = SORT_KEYS.join(", ");
        return Err(Violation::new("order_by", format!("must be one of {keys}, optionally prefixed with '-'")));
    }
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let keyword = q.keyword.as_ref().map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty());
    Ok(Checked { keyword, begin, end, by_deadline: key == "deadline", descending, page })
}

fn matches(data: &Data, v: &Viewer, q: &EventQuery, ck: &Checked, e: &Event, now: Instant) -> bool {
    let c = data.customer(e.customer);
    let has = |list: &[String], x: &str| list.is_empty() || list.iter().any(|l| l == x);
    let own = c.partner == v.partner_ix;
    v.can_see(c)
        && has(&q.event_types, e.kind)
        && has(&q.statuses, effective(e, now))
        && q.source.as_deref().is_none_or(|s| (s == source::OWN) == own)
        && q.customer_id.as_deref().is_none_or(|id| c.id == id)
        && ck.keyword.as_deref().is_none_or(|k| c.account_name_lc.contains(k) || c.customer_lc.contains(k))
        && ck.begin.is_none_or(|b| e.created >= b)
        && ck.end.is_none_or(|x| e.created < x)
}

pub async fn query(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(q): JsonBody<EventQuery>,
) -> Result<Json<EventList>, ApiFailure> {
    let ck = validate(&q)?;
    let (data, now) = (&state.data, state.vouchers.now());
    let v = Viewer::new(data, caller.user);
    let book = state.association.book();
    let mut rows: Vec<&Event> = book.events.iter().filter(|e| matches(data, &v, &q, &ck, e, now)).collect();
    rows.sort_by(|a, b| {
        let key = |e: &Event| if ck.by_deadline { e.deadline.unwrap_or(e.created) } else { e.created };
        let o = key(a).cmp(&key(b));
        let o = if ck.descending { o.reverse() } else { o };
        o.then_with(|| a.id.cmp(&b.id))
    });
    Ok(Json(EventList {
        total_count: rows.len() as u64,
        visibility_scope: v.scope().into(),
        events: rows[ck.page.range(rows.len())].iter().map(|e| row(data, &v, e, now)).collect(),
    }))
}

/// A customer this person may see, or the one answer for "missing" and "not yours".
fn visible_customer(data: &Data, v: &Viewer, id: &str) -> Result<CustomerIx, ApiFailure> {
    data.customer_by_id
        .get(id)
        .copied()
        .filter(|&ix| v.can_see(data.customer(ix)))
        .ok_or_else(ApiFailure::not_sub_customer)
}

fn reseller_handles_it() -> ApiFailure {
    ApiFailure::access_denied("the reseller handles the associations of its customers")
}

pub async fn constraints(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    customer_id: Result<Path<String>, PathRejection>,
) -> Result<Json<Constraints>, ApiFailure> {
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let id = customer_id.map(|Path(id)| id).unwrap_or_default();
    let ix = visible_customer(data, &v, &id)?;
    Ok(Json(state.association.book().constraints(data, ix, state.vouchers.now())))
}

pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<CreateEventRequest>,
) -> Result<Json<AssociationEvent>, ApiFailure> {
    required_text("customer_id", &req.customer_id, 64)?;
    one_of("event_type", &req.event_type, event_type::REQUESTABLE)?;
    if req.event_type == event_type::PARTNER_UNBIND && req.target_association_type.is_some() {
        return Err(Violation::new("target_association_type", "is only for PARTNER_SWITCH_TYPE").into());
    }
    check_reason(Some(&req.reason), true)?;
    max_len("client_token", req.client_token.as_deref(), 64)?;
    let (data, now) = (&state.data, state.vouchers.now());
    let v = Viewer::new(data, caller.user);
    let ix = visible_customer(data, &v, &req.customer_id)?;
    if data.customer(ix).partner != v.partner_ix {
        return Err(reseller_handles_it());
    }
    let mut book = state.association.book();
    let i = book.create(data, v.partner_ix, ix, &req, now)?;
    Ok(Json(row(data, &v, &book.events[i], now)))
}

/// The event `id` if this person may see it.
fn visible_event(book: &Book, data: &Data, v: &Viewer, id: &str) -> Result<usize, ApiFailure> {
    book.find(id).filter(|&i| v.can_see(data.customer(book.events[i].customer))).ok_or_else(|| {
        ApiFailure::new(StatusCode::BAD_REQUEST, codes::ASSOC_EVENT_MISSING, "no such association event")
    })
}

pub async fn act(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    event_id: Result<Path<String>, PathRejection>,
    JsonBody(body): JsonBody<EventAction>,
) -> Result<Json<AssociationEvent>, ApiFailure> {
    one_of("action", &body.action, action::ALL)?;
    check_reason(body.reason.as_deref(), rules::reason_required(&body.action))?;
    let (data, now) = (&state.data, state.vouchers.now());
    let v = Viewer::new(data, caller.user);
    let id = event_id.map(|Path(id)| id).unwrap_or_default();
    let mut book = state.association.book();
    let i = visible_event(&book, data, &v, &id)?;
    if data.customer(book.events[i].customer).partner != v.partner_ix {
        return Err(reseller_handles_it());
    }
    book.act(i, &body.action, body.reason.as_deref(), now)?;
    Ok(Json(row(data, &v, &book.events[i], now)))
}

// ---- control endpoints (no token) ----

/// `GET /__sandbox/association-cases`: the designated customers and events.
pub async fn cases(State(state): State<AppState>) -> Json<crate::association_seed::Cases> {
    Json(state.association.book().cases.clone())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    event_id: String,
    agree: bool,
}

/// `POST /__sandbox/association-events/answer {"event_id","agree"}`: the customer answers.
pub async fn answer(
    State(state): State<AppState>,
    JsonBody(a): JsonBody<Answer>,
) -> Result<Json<serde_json::Value>, ApiFailure> {
    let now = state.vouchers.now();
    let mut book = state.association.book();
    let i = book.find(&a.event_id).ok_or_else(|| {
        ApiFailure::new(StatusCode::BAD_REQUEST, codes::ASSOC_EVENT_MISSING, "no such association event")
    })?;
    book.answer(i, a.agree, now)?;
    Ok(Json(serde_json::json!({ "event_id": a.event_id, "status": book.events[i].status })))
}
