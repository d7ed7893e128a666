//! B4: the quarters with their months' states, and the payment application, refused by the
//! contract's own rule (`why_payment_refused`) with its codes.

use super::handlers::refused;
use super::{require_admin, require_reader, Ledger};
use crate::auth::Caller;
use crate::errors::ApiFailure;
use crate::store::AppState;
use crate::visibility::Viewer;
use axum::extract::{Path, State};
use axum::http::Uri;
use axum::{Extension, Json};
use partner_api::codes;
use partner_api::incentives::model::status;
use partner_api::incentives::payment::{
    payment_status, why_payment_refused, ListQuartersRequest, ListQuartersResponse, PaymentApplication, PaymentRefusal,
    QuarterMonth, QuarterSummary,
};
use partner_api::incentives::period::{Period, Quarter};
use partner_api::money::MEASURE_YUAN;
use partner_api::time::Instant;
use partner_api::Amount;
use std::collections::BTreeSet;

fn summary(l: &Ledger, q: Quarter) -> QuarterSummary {
    let key = q.to_string();
    let months: Vec<QuarterMonth> = q
        .months()
        .iter()
        .map(|p| {
            let p = p.to_string();
            let found = l.incentives.iter().find(|d| d.incentive.period == p).map(|d| &d.incentive);
            QuarterMonth {
                period: p,
                incentive_id: found.map(|i| i.incentive_id.clone()),
                status: found.map(|i| i.status.clone()),
            }
        })
        .collect();
    let final_amount = Amount(
        l.incentives
            .iter()
            .map(|d| &d.incentive)
            .filter(|i| i.status == status::FINAL && Period::parse(&i.period).is_some_and(|p| p.quarter() == q))
            .map(|i| i.incentive_amount.0)
            .sum(),
    );
    let app = l.applications.get(&key);
    QuarterSummary {
        quarter: key,
        months,
        final_amount,
        currency: "CNY".into(),
        measure_id: MEASURE_YUAN,
        payment_status: match app {
            None => payment_status::NOT_APPLIED,
            Some((_, true)) => payment_status::PAID,
            Some((_, false)) => payment_status::APPLIED,
        }
        .into(),
        application_id: app.map(|(a, _)| a.application_id.clone()),
        applied_time: app.map(|(a, _)| a.create_time),
    }
}

/// Quarters with an incentive, and the current one, newest first.
fn quarters_of(l: &Ledger, now: Instant, year: Option<i32>) -> Vec<Quarter> {
    let mut set: BTreeSet<Quarter> =
        l.incentives.iter().filter_map(|d| Period::parse(&d.incentive.period)).map(Period::quarter).collect();
    set.insert(Period::of(&now).quarter());
    set.into_iter().rev().filter(|q| year.is_none_or(|y| q.year == y)).collect()
}

pub async fn quarters(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    uri: Uri,
) -> Result<Json<ListQuartersResponse>, ApiFailure> {
    let req = ListQuartersRequest::from_query(uri.query())?;
    if req.year.is_some_and(|y| !(2000..=2100).contains(&y)) {
        return Err(partner_api::validate::Violation::new("year", "must be between 2000 and 2100").into());
    }
    let v = Viewer::new(&state.data, caller.user);
    require_reader(&v)?;
    let now = state.vouchers.now();
    let mut all = state.incentives.lock();
    let l = all.entry(v.partner_ix).or_default();
    let quarters: Vec<QuarterSummary> = quarters_of(l, now, req.year).into_iter().map(|q| summary(l, q)).collect();
    Ok(Json(ListQuartersResponse { as_of: now, total_count: quarters.len() as u64, quarters }))
}

fn refusal_msg(r: PaymentRefusal, q: &str) -> String {
    match r {
        PaymentRefusal::AlreadyApplied => format!("the payment of {q} was applied for already"),
        PaymentRefusal::MonthsStillOpen => format!(
            "months of {q} can still be applied for: apply and wait for their preliminary review, \
             or apply for payment from the 1st of the next quarter"
        ),
        PaymentRefusal::InReview => format!("a monthly incentive of {q} is still in preliminary review"),
        PaymentRefusal::NonePassed => format!("no monthly incentive of {q} passed preliminary review"),
        PaymentRefusal::BillsUnconfirmed => format!("a passed incentive of {q} has a bill to confirm first"),
    }
}

pub async fn apply(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(quarter): Path<String>,
) -> Result<Json<PaymentApplication>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    require_admin(&v)?;
    let now = state.vouchers.now();
    let mut all = state.incentives.lock();
    let l = all.entry(v.partner_ix).or_default();
    let q = Quarter::parse(&quarter)
        .filter(|q| quarters_of(l, now, None).contains(q))
        .ok_or_else(|| refused(codes::QUARTER_MISSING, format!("quarter {quarter} does not exist")))?;
    let s = summary(l, q);
    if let Some(r) = why_payment_refused(&s, now) {
        return Err(refused(r.code(), refusal_msg(r, &s.quarter)));
    }
    l.seq += 1;
    let app = PaymentApplication {
        application_id: format!("PAY-{}-{:04}", s.quarter.replace('-', ""), l.seq),
        quarter: s.quarter.clone(),
        amount: s.final_amount,
        currency: s.currency,
        payment_status: payment_status::APPLIED.into(),
        create_time: now,
    };
    l.applications.insert(s.quarter, (app.clone(), false));
    Ok(Json(app))
}
