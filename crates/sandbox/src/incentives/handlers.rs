//! B3: the list, one incentive, its feedback thread, and the bill decision.

use super::{require_admin, require_reader, Ledger};
use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::store::AppState;
use crate::visibility::Viewer;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::{Extension, Json};
use partner_api::codes;
use partner_api::incentives::bill::{self, BillDecision, Decision};
use partner_api::incentives::feedback::{self, feedback_status, Feedback, FeedbackBody, FeedbackList};
use partner_api::incentives::model::{
    BillEvent, Incentive, IncentiveDetail, ListIncentivesRequest, ListIncentivesResponse, MAX_ID_LEN,
};
use partner_api::incentives::period::Period;
use partner_api::validate::required_text;

pub(super) fn refused(code: &'static str, msg: impl Into<String>) -> ApiFailure {
    ApiFailure::new(StatusCode::BAD_REQUEST, code, msg)
}

fn missing(id: &str) -> ApiFailure {
    refused(codes::INCENTIVE_MISSING, format!("incentive {id} does not exist"))
}

/// The caller's ledger (empty for a partner without incentives) under the lock.
fn with_ledger<T>(state: &AppState, v: &Viewer, f: impl FnOnce(&mut Ledger) -> T) -> T {
    let mut all = state.incentives.lock();
    f(all.entry(v.partner_ix).or_default())
}

pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    uri: Uri,
) -> Result<Json<ListIncentivesResponse>, ApiFailure> {
    let req = ListIncentivesRequest::from_query(uri.query())?;
    let f = req.check()?;
    let v = Viewer::new(&state.data, caller.user);
    require_reader(&v)?;
    let (begin, end) = f.periods;
    Ok(Json(with_ledger(&state, &v, |l| {
        let rows: Vec<&Incentive> = l
            .incentives
            .iter()
            .map(|d| &d.incentive)
            .filter(|i| {
                let p = Period::parse(&i.period);
                begin.is_none_or(|b| p.is_some_and(|p| p >= b))
                    && end.is_none_or(|e| p.is_some_and(|p| p <= e))
                    && req.status.as_ref().is_none_or(|s| &i.status == s)
                    && req.bill_status.as_ref().is_none_or(|s| &i.bill_status == s)
            })
            .collect();
        ListIncentivesResponse {
            total_count: rows.len() as u64,
            incentives: rows[f.page.range(rows.len())].iter().map(|&i| i.clone()).collect(),
        }
    })))
}

fn checked_id(id: &str) -> Result<(), ApiFailure> {
    Ok(required_text("incentive_id", id, MAX_ID_LEN)?)
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<IncentiveDetail>, ApiFailure> {
    checked_id(&id)?;
    let v = Viewer::new(&state.data, caller.user);
    require_reader(&v)?;
    with_ledger(&state, &v, |l| l.find(&id).map(|i| Json(l.incentives[i].clone()))).ok_or_else(|| missing(&id))
}

pub async fn feedbacks(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Json<FeedbackList>, ApiFailure> {
    checked_id(&id)?;
    let v = Viewer::new(&state.data, caller.user);
    require_reader(&v)?;
    with_ledger(&state, &v, |l| {
        l.find(&id)?;
        let feedbacks: Vec<Feedback> = l.feedbacks.iter().filter(|f| f.incentive_id == id).cloned().collect();
        Some(Json(FeedbackList { total_count: feedbacks.len() as u64, feedbacks }))
    })
    .ok_or_else(|| missing(&id))
}

pub async fn send_feedback(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<FeedbackBody>,
) -> Result<Json<Feedback>, ApiFailure> {
    checked_id(&id)?;
    let content = feedback::check_content(&body.content)?;
    let v = Viewer::new(&state.data, caller.user);
    require_reader(&v)?;
    let now = state.vouchers.now();
    with_ledger(&state, &v, |l| {
        let i = l.find(&id).ok_or_else(|| missing(&id))?;
        let inc = &mut l.incentives[i].incentive;
        if let Some(code) = feedback::why_feedback_refused(&inc.status) {
            return Err(refused(code, format!("incentive {id} is a draft: there is nothing to give feedback on")));
        }
        inc.feedback_count += 1;
        inc.unanswered_feedback_count += 1;
        l.seq += 1;
        let f = Feedback {
            feedback_id: format!("FB-{:05}", 2000 + l.seq),
            incentive_id: id.clone(),
            content,
            author: v.user.display_name.clone(),
            create_time: now,
            status: feedback_status::PENDING.into(),
            answer: None,
            answer_time: None,
        };
        l.feedbacks.push(f.clone());
        Ok(Json(f))
    })
}

pub async fn decide_bill(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<BillDecision>,
) -> Result<Json<Incentive>, ApiFailure> {
    checked_id(&id)?;
    let decision = body.check()?;
    let v = Viewer::new(&state.data, caller.user);
    require_admin(&v)?;
    let now = state.vouchers.now();
    with_ledger(&state, &v, |l| {
        let i = l.find(&id).ok_or_else(|| missing(&id))?;
        let d = &mut l.incentives[i];
        if let Some(code) = bill::why_bill_refused(&d.incentive.status, &d.incentive.bill_status) {
            let msg = format!(
                "the bill of incentive {id} cannot be decided: status {}, bill {}",
                d.incentive.status, d.incentive.bill_status
            );
            return Err(refused(code, msg));
        }
        let (status, bill_status) = bill::after(&decision);
        let inc = &mut d.incentive;
        inc.status = status.into();
        inc.bill_status = bill_status.into();
        inc.update_time = now;
        let reason = match decision {
            Decision::Confirm => {
                inc.bill_confirm_time = Some(now);
                inc.bill_reject_reason = None;
                d.other.final_time = Some(now);
                None
            }
            Decision::Reject { reason } => {
                inc.bill_reject_reason = Some(reason.clone());
                Some(reason)
            }
        };
        d.bill_history.push(BillEvent {
            decision: body.decision.clone(),
            reason,
            operator: v.user.display_name.clone(),
            time: now,
        });
        Ok(Json(d.incentive.clone()))
    })
}
