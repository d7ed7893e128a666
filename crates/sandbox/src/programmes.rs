//! B1/B2 programmes (docs/contracts/programmes.md): memberships, FH applications, capability
//! benefits and applications. The partner submits capability applications; the reviewers'
//! moves come through `POST /__sandbox/programme-review` (tests and demos), both checked by
//! `partner_api::programmes::review`.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::programmes_seed as seed;
use crate::store::{AppState, Data, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::{Extension, Json};
use chrono::{Datelike, Duration};
use partner_api::codes;
use partner_api::money::MEASURE_YUAN;
use partner_api::page::PageRequest;
use partner_api::programmes::capability::{
    applicable_tags, apply_refusal, ApplicationRef, CapabilityApplication, CapabilityApplicationList,
    CapabilityBenefit, CapabilityBenefitList, ListCapabilityApplicationsRequest, ListCapabilityBenefitsRequest,
};
use partner_api::programmes::form::{check_submission, first_violation, SubmitCapabilityApplication};
use partner_api::programmes::review::{self, status, ReviewAction};
use partner_api::programmes::{
    may_apply, programme, EcosystemManager, FhApplication, FhApplicationList, ListFhApplicationsRequest, Membership,
    ProgrammesResponse,
};
use partner_api::time::Instant;
use partner_api::validate::{one_of, Violation};
use partner_api::Amount;
use serde::Deserialize;
use std::sync::{Mutex, MutexGuard};

struct Benefit {
    partner: PartnerIx,
    benefit: CapabilityBenefit,
}

#[derive(Default)]
struct Book {
    fh: Vec<(PartnerIx, FhApplication)>,
    benefits: Vec<Benefit>,
    applications: Vec<(PartnerIx, CapabilityApplication)>,
    /// New applications' ids and times (after the reference "now", in order).
    seq: u64,
}

pub struct Programmes {
    members: Vec<(PartnerIx, &'static str, Instant)>,
    managers: Vec<(PartnerIx, EcosystemManager)>,
    book: Mutex<Book>,
}

fn yuan(cents: i64) -> Amount {
    Amount::from_cents(cents)
}

impl Programmes {
    pub fn seeded(data: &Data) -> Self {
        let ix = |account: &str| data.partner_by_account(account).expect("seeded partner");
        let members: Vec<_> = seed::MEMBERS.iter().map(|(a, p, (y, m, d))| (ix(a), *p, seed::at(*y, *m, *d))).collect();
        let managers = seed::ECOSYSTEM_MANAGERS
            .iter()
            .map(|(a, name, email)| (ix(a), EcosystemManager { name: name.to_string(), email: email.to_string() }))
            .collect();
        let mut book = Book::default();
        for (n, (account, period, staff, certified, cents, st, reason)) in seed::FH.iter().enumerate() {
            let submitted = seed::submitted_for(period);
            let updated = if *st == status::SUBMITTED { submitted } else { submitted + Duration::days(9) };
            book.fh.push((
                ix(account),
                FhApplication {
                    application_id: format!("FH{}{:03}", period.replace('-', ""), n + 1),
                    period: period.to_string(),
                    staff_count: *staff,
                    certified_staff_count: *certified,
                    amount: yuan(*cents),
                    measure_id: MEASURE_YUAN,
                    currency: "CNY".into(),
                    status: st.to_string(),
                    reject_reason: reason.map(str::to_string),
                    submitted_time: submitted,
                    updated_time: updated,
                },
            ));
        }
        let year = crate::seed::reference_now().year();
        for (partner, _, _) in members_of(&members, programme::CAPABILITY_IMPROVEMENT) {
            let tags = seed::certified_tags(&data.partners[partner].account);
            for t in applicable_tags(&tags, year) {
                book.benefits.push(Benefit {
                    partner,
                    benefit: CapabilityBenefit {
                        benefit_id: format!("CB{year}-{}", t.tag_code),
                        tag_code: t.tag_code.to_string(),
                        certified_on: t.certified_on,
                        max_amount: seed::max_amount(t.tag_code),
                        measure_id: MEASURE_YUAN,
                        currency: "CNY".into(),
                        latest_application: None,
                    },
                });
            }
        }
        for (n, (account, tag_code, cents, engineers, st, reason)) in seed::CAPABILITY.iter().enumerate() {
            let submitted = seed::at(2026, 9, 1) + Duration::days(7 * n as i64);
            book.applications.push((
                ix(account),
                CapabilityApplication {
                    application_id: format!("CA2026{:04}", n + 1),
                    benefit_id: format!("CB{year}-{tag_code}"),
                    tag_code: tag_code.to_string(),
                    amount: yuan(*cents),
                    measure_id: MEASURE_YUAN,
                    currency: "CNY".into(),
                    certified_engineers: *engineers,
                    contact_name: "郑浩".into(),
                    contact_phone: "13800138000".into(),
                    contact_email: "zheng.hao@huitong.example.com".into(),
                    description: "能力认证通过后的工程师培训与认证考试补贴。".into(),
                    status: st.to_string(),
                    reject_reason: reason.map(str::to_string),
                    submitted_time: submitted,
                    updated_time: submitted + Duration::days(2),
                },
            ));
        }
        Programmes { members, managers, book: Mutex::new(book) }
    }

    fn book(&self) -> MutexGuard<'_, Book> {
        self.book.lock().expect("programmes lock")
    }

    pub fn is_member(&self, partner: PartnerIx, programme: &str) -> bool {
        self.members.iter().any(|(p, prog, _)| *p == partner && *prog == programme)
    }

    fn require(&self, partner: PartnerIx, programme: &str) -> Result<(), ApiFailure> {
        if self.is_member(partner, programme) {
            Ok(())
        } else {
            let msg = format!("the partner is not a member of the programme {programme}");
            Err(ApiFailure::new(StatusCode::FORBIDDEN, codes::NOT_IN_PROGRAMME, msg))
        }
    }
}

fn members_of<'a>(
    members: &'a [(PartnerIx, &'static str, Instant)],
    programme: &'a str,
) -> impl Iterator<Item = (PartnerIx, &'static str, Instant)> + 'a {
    members.iter().copied().filter(move |(_, p, _)| *p == programme)
}

fn status_filter(value: Option<&str>) -> Result<(), Violation> {
    value.map_or(Ok(()), |s| one_of("status", s, status::ALL))
}

fn latest_for(book: &Book, partner: PartnerIx, benefit_id: &str) -> Option<ApplicationRef> {
    book.applications
        .iter()
        .filter(|(p, a)| *p == partner && a.benefit_id == benefit_id)
        .max_by_key(|(_, a)| a.submitted_time)
        .map(|(_, a)| ApplicationRef { application_id: a.application_id.clone(), status: a.status.clone() })
}

pub async fn get(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> Json<ProgrammesResponse> {
    let v = Viewer::new(&state.data, caller.user);
    let p = &state.programmes;
    let programmes = programme::ALL
        .iter()
        .map(|prog| {
            let joined = p.members.iter().find(|(x, m, _)| *x == v.partner_ix && m == prog).map(|(_, _, at)| *at);
            Membership { programme: prog.to_string(), member: joined.is_some(), joined_on: joined }
        })
        .collect();
    let ecosystem_manager = p.managers.iter().find(|(x, _)| *x == v.partner_ix).map(|(_, m)| m.clone());
    Json(ProgrammesResponse { programmes, ecosystem_manager })
}

pub async fn fh_applications(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    uri: Uri,
) -> Result<Json<FhApplicationList>, ApiFailure> {
    let q = ListFhApplicationsRequest::from_query(uri.query())?;
    status_filter(q.status.as_deref())?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let v = Viewer::new(&state.data, caller.user);
    state.programmes.require(v.partner_ix, programme::CCOE)?;
    let book = state.programmes.book();
    let mut rows: Vec<&FhApplication> = book
        .fh
        .iter()
        .filter(|(p, a)| *p == v.partner_ix && q.status.as_ref().is_none_or(|s| &a.status == s))
        .map(|(_, a)| a)
        .collect();
    rows.sort_by(|a, b| b.period.cmp(&a.period).then_with(|| a.application_id.cmp(&b.application_id)));
    let total_count = rows.len() as u64;
    Ok(Json(FhApplicationList {
        total_count,
        applications: rows[page.range(rows.len())].iter().map(|a| (*a).clone()).collect(),
    }))
}

pub async fn capability_benefits(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    uri: Uri,
) -> Result<Json<CapabilityBenefitList>, ApiFailure> {
    let q = ListCapabilityBenefitsRequest::from_query(uri.query())?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let v = Viewer::new(&state.data, caller.user);
    state.programmes.require(v.partner_ix, programme::CAPABILITY_IMPROVEMENT)?;
    let book = state.programmes.book();
    let rows: Vec<CapabilityBenefit> = book
        .benefits
        .iter()
        .filter(|b| b.partner == v.partner_ix)
        .map(|b| CapabilityBenefit {
            latest_application: latest_for(&book, b.partner, &b.benefit.benefit_id),
            ..b.benefit.clone()
        })
        .collect();
    let year = crate::seed::reference_now().year();
    let total_count = rows.len() as u64;
    Ok(Json(CapabilityBenefitList { year, total_count, benefits: rows[page.range(rows.len())].to_vec() }))
}

pub async fn capability_applications(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    uri: Uri,
) -> Result<Json<CapabilityApplicationList>, ApiFailure> {
    let q = ListCapabilityApplicationsRequest::from_query(uri.query())?;
    status_filter(q.status.as_deref())?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let v = Viewer::new(&state.data, caller.user);
    state.programmes.require(v.partner_ix, programme::CAPABILITY_IMPROVEMENT)?;
    let book = state.programmes.book();
    let mut rows: Vec<&CapabilityApplication> = book
        .applications
        .iter()
        .filter(|(p, a)| *p == v.partner_ix && q.status.as_ref().is_none_or(|s| &a.status == s))
        .map(|(_, a)| a)
        .collect();
    rows.sort_by(|a, b| b.submitted_time.cmp(&a.submitted_time).then_with(|| a.application_id.cmp(&b.application_id)));
    let total_count = rows.len() as u64;
    let applications = rows[page.range(rows.len())].iter().map(|a| (*a).clone()).collect();
    Ok(Json(CapabilityApplicationList { total_count, applications }))
}

pub async fn submit_capability_application(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<SubmitCapabilityApplication>,
) -> Result<Json<CapabilityApplication>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    let programmes = &state.programmes;
    programmes.require(v.partner_ix, programme::CAPABILITY_IMPROVEMENT)?;
    if !may_apply(v.user.role) {
        return Err(ApiFailure::access_denied("only the administrator or a supervisor may apply"));
    }
    let mut book = programmes.book();
    let benefit = book
        .benefits
        .iter()
        .find(|b| b.partner == v.partner_ix && b.benefit.benefit_id == req.benefit_id)
        .map(|b| b.benefit.clone())
        .ok_or_else(|| {
            ApiFailure::new(StatusCode::BAD_REQUEST, codes::BENEFIT_NOT_APPLICABLE, "no such benefit for this partner")
        })?;
    if let Some(v) = first_violation(&check_submission(&req, benefit.max_amount)) {
        return Err(v.into());
    }
    let latest = latest_for(&book, v.partner_ix, &benefit.benefit_id);
    if let Some(refusal) = apply_refusal(latest.as_ref().map(|a| a.status.as_str())) {
        let msg = "an application for this benefit is under review or was approved";
        return Err(ApiFailure::new(StatusCode::BAD_REQUEST, refusal.code(), msg));
    }
    book.seq += 1;
    let at = crate::seed::reference_now() + Duration::seconds(book.seq as i64);
    let application = CapabilityApplication {
        application_id: format!("CA2026{:04}", 100 + book.seq),
        benefit_id: benefit.benefit_id,
        tag_code: benefit.tag_code,
        amount: req.amount,
        measure_id: MEASURE_YUAN,
        currency: benefit.currency,
        certified_engineers: req.certified_engineers,
        contact_name: req.contact_name.trim().into(),
        contact_phone: req.contact_phone.trim().into(),
        contact_email: req.contact_email.trim().into(),
        description: req.description.trim().into(),
        status: status::SUBMITTED.into(),
        reject_reason: None,
        submitted_time: at,
        updated_time: at,
    };
    book.applications.push((v.partner_ix, application.clone()));
    Ok(Json(application))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewMove {
    pub application_id: String,
    /// `start`, `approve` or `reject`.
    pub action: String,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /__sandbox/programme-review`: a reviewer's move on an FH or capability application.
pub async fn review_move(
    State(state): State<AppState>,
    JsonBody(m): JsonBody<ReviewMove>,
) -> Result<Json<serde_json::Value>, ApiFailure> {
    let action = ReviewAction::parse(&m.action)
        .ok_or_else(|| ApiFailure::invalid(Violation::new("action", "must be one of start, approve, reject")))?;
    let mut book = state.programmes.book();
    let Book { fh, applications, .. } = &mut *book;
    let target = fh
        .iter_mut()
        .map(|(_, a)| (&mut a.status, &mut a.reject_reason, &mut a.updated_time, &a.application_id))
        .chain(
            applications
                .iter_mut()
                .map(|(_, a)| (&mut a.status, &mut a.reject_reason, &mut a.updated_time, &a.application_id)),
        )
        .find(|(_, _, _, id)| **id == m.application_id);
    let Some((st, reason, updated, _)) = target else {
        return Err(ApiFailure::new(StatusCode::NOT_FOUND, codes::APPLICATION_NOT_FOUND, "no such application"));
    };
    let next = review::next(st, action, m.reason.as_deref()).map_err(|r| match r {
        review::ReviewRefusal::ReasonRequired => ApiFailure::invalid(Violation::new("reason", "is required to reject")),
        review::ReviewRefusal::IllegalTransition => ApiFailure::new(
            StatusCode::BAD_REQUEST,
            r.code(),
            format!("cannot {} an application that is {st}", m.action),
        ),
    })?;
    *st = next.to_string();
    if next == status::REJECTED {
        *reason = m.reason.map(|r| r.trim().to_string());
    }
    *updated += Duration::hours(1);
    Ok(Json(serde_json::json!({ "application_id": m.application_id, "status": next })))
}
