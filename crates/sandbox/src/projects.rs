//! D1 delivery projects (docs/contracts/projects.md): the list with role visibility, the
//! attachment uploads (opened, then chunks in order), the acceptance application and the
//! reviewers' moves (`POST /__sandbox/project-review`), all checked by `partner_api::projects`.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::store::{AppState, Data, PartnerIx, UserIx};
use crate::visibility::Viewer;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use partner_api::codes;
use partner_api::money::MEASURE_YUAN;
use partner_api::page::PageRequest;
use partner_api::profile::{partner_type, role};
use partner_api::projects::attachments::{
    base64_decode, check_file, chunk_count, chunk_range, AttachmentChunk, AttachmentUpload, OpenAttachmentRequest,
    CHUNK_BYTES,
};
use partner_api::projects::form::{check_submission, first_violation, Bounds, SubmitAcceptance};
use partner_api::projects::{
    apply_refusal, review_next, status, Acceptance, AttachmentRef, ListProjectsRequest, Project, ProjectList,
    ReviewAction, ReviewRefusal,
};
use partner_api::time::{offset, Instant};
use partner_api::validate::{one_of, Violation};
use partner_api::Amount;
use serde::Deserialize;
use std::sync::{Mutex, MutexGuard};

/// Business days are in UTC+8.
const UTC8: i32 = 8 * 60;
const MAX_KEYWORD: usize = 64;

struct Row {
    partner: PartnerIx,
    manager: Option<UserIx>,
    project: Project,
}

struct Upload {
    partner: PartnerIx,
    project_id: String,
    state: AttachmentUpload,
    used: bool,
}

#[derive(Default)]
struct Book {
    rows: Vec<Row>,
    uploads: Vec<Upload>,
    seq: u64,
}

impl Book {
    fn tick(&mut self) -> (u64, Instant) {
        self.seq += 1;
        (self.seq, crate::seed::reference_now() + Duration::seconds(self.seq as i64))
    }
}

pub struct Projects {
    book: Mutex<Book>,
}

fn seeded_acceptance(n: usize, p: &Project, reason: Option<&str>) -> Acceptance {
    let submitted = p.registered_time + Duration::days(60);
    Acceptance {
        application_id: format!("PA2026{:04}", n + 1),
        completion_date: (submitted - Duration::days(3)).with_timezone(&offset(UTC8)).format("%Y-%m-%d").to_string(),
        acceptance_amount: p.contract_amount,
        contact_name: "郑浩".into(),
        contact_phone: "13800138000".into(),
        summary: "项目已按合同范围交付,客户已确认上线运行。".into(),
        attachments: vec![AttachmentRef {
            attachment_id: format!("AT2026{:04}", n + 1),
            file_name: "验收报告.pdf".into(),
            size: 482_133,
        }],
        reject_reason: reason.map(str::to_string),
        submitted_time: submitted,
        updated_time: submitted + Duration::days(2),
    }
}

impl Projects {
    pub fn seeded(data: &Data) -> Self {
        let mut book = Book::default();
        for (n, (account, name, customer, am, cents, st, (y, m, d), reason)) in
            crate::projects_seed::PROJECTS.iter().enumerate()
        {
            let partner = data.partner_by_account(account).expect("seeded partner");
            let manager = am.map(|u| data.user_in(partner, u).expect("seeded account manager"));
            let registered = Utc.with_ymd_and_hms(*y, *m, *d, 2, 30, 0).single().expect("valid date");
            let mut project = Project {
                project_id: format!("PJ{y}{:05}", 10 * n + 7),
                project_name: name.to_string(),
                customer_name: customer.to_string(),
                account_manager: manager.map(|u| data.users[u].display_name.clone()),
                contract_amount: Amount::from_cents(*cents),
                measure_id: MEASURE_YUAN,
                currency: "CNY".into(),
                status: st.to_string(),
                registered_time: registered,
                acceptance: None,
            };
            if ![status::REGISTERING, status::REGISTERED].contains(st) {
                project.acceptance = Some(seeded_acceptance(n, &project, *reason));
            }
            book.rows.push(Row { partner, manager, project });
        }
        Projects { book: Mutex::new(book) }
    }

    fn book(&self) -> MutexGuard<'_, Book> {
        self.book.lock().expect("projects lock")
    }
}

/// Delivery projects are a service partner's; others are refused.
fn service_partner(v: &Viewer) -> Result<(), ApiFailure> {
    if v.partner.partner_type == partner_type::SERVICE_PARTNER {
        Ok(())
    } else {
        Err(ApiFailure::access_denied("delivery projects are for service partners"))
    }
}

/// Admins see every project of the partner; supervisors their team's; account managers theirs.
fn sees(v: &Viewer, r: &Row) -> bool {
    r.partner == v.partner_ix
        && match v.user.role {
            role::ADMIN => true,
            role::SUPERVISOR => r.manager.is_some_and(|am| v.data.users[am].supervisor == Some(v.user_ix)),
            _ => r.manager == Some(v.user_ix),
        }
}

fn not_found() -> ApiFailure {
    ApiFailure::new(StatusCode::NOT_FOUND, codes::PROJECT_NOT_FOUND, "no such project")
}

fn nonempty(parameter: &str, v: Option<&str>) -> Result<(), Violation> {
    match v {
        Some(s) if s.trim().is_empty() => Err(Violation::new(parameter, "must not be empty")),
        _ => Ok(()),
    }
}

pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(q): QueryParams<ListProjectsRequest>,
) -> Result<Json<ProjectList>, ApiFailure> {
    nonempty("status", q.status.as_deref())?;
    if let Some(s) = &q.status {
        one_of("status", s, status::ALL)?;
    }
    nonempty("keyword", q.keyword.as_deref())?;
    partner_api::validate::max_len("keyword", q.keyword.as_deref(), MAX_KEYWORD)?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let v = Viewer::new(&state.data, caller.user);
    service_partner(&v)?;
    let keyword = q.keyword.as_deref().map(|k| k.trim().to_lowercase());
    let book = state.projects.book();
    let mut rows: Vec<&Project> = book
        .rows
        .iter()
        .filter(|r| sees(&v, r))
        .map(|r| &r.project)
        .filter(|p| q.status.as_ref().is_none_or(|s| &p.status == s))
        .filter(|p| {
            keyword.as_ref().is_none_or(|k| {
                [&p.project_name, &p.project_id, &p.customer_name].iter().any(|f| f.to_lowercase().contains(k))
            })
        })
        .collect();
    rows.sort_by(|a, b| b.registered_time.cmp(&a.registered_time).then_with(|| a.project_id.cmp(&b.project_id)));
    let total_count = rows.len() as u64;
    let projects = rows[page.range(rows.len())].iter().map(|p| (*p).clone()).collect();
    Ok(Json(ProjectList { total_count, projects }))
}

pub async fn open_attachment(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<OpenAttachmentRequest>,
) -> Result<Json<AttachmentUpload>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    service_partner(&v)?;
    let mut book = state.projects.book();
    let row = book.rows.iter().find(|r| r.project.project_id == req.project_id && sees(&v, r)).ok_or_else(not_found)?;
    if let Some(refusal) = apply_refusal(&row.project.status) {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            refusal.code(),
            "the acceptance cannot be applied for now",
        ));
    }
    if let Err(p) = check_file(&req.file_name, req.size) {
        return Err(ApiFailure::new(StatusCode::BAD_REQUEST, p.code(), p.reason()));
    }
    let (n, _) = book.tick();
    let upload = AttachmentUpload {
        attachment_id: format!("AT2026{:06}", 100_000 + n),
        file_name: req.file_name,
        size: req.size,
        chunk_size: CHUNK_BYTES,
        chunk_count: chunk_count(req.size),
        received_chunks: 0,
        complete: false,
    };
    let answer = upload.clone();
    book.uploads.push(Upload { partner: v.partner_ix, project_id: req.project_id, state: upload, used: false });
    Ok(Json(answer))
}

fn attachment_not_found() -> ApiFailure {
    ApiFailure::new(StatusCode::NOT_FOUND, codes::ATTACHMENT_NOT_FOUND, "no such attachment upload")
}

pub async fn chunk(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    id: Result<Path<String>, PathRejection>,
    JsonBody(c): JsonBody<AttachmentChunk>,
) -> Result<Json<AttachmentUpload>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    service_partner(&v)?;
    let id = id.map(|Path(id)| id).unwrap_or_default();
    let mut book = state.projects.book();
    let up = book
        .uploads
        .iter_mut()
        .find(|u| u.state.attachment_id == id && u.partner == v.partner_ix && !u.used)
        .ok_or_else(attachment_not_found)?;
    let s = &mut up.state;
    if c.index >= s.chunk_count {
        return Err(Violation::new("index", format!("must be below {}", s.chunk_count)).into());
    }
    let bytes = base64_decode(&c.data).ok_or_else(|| Violation::new("data", "must be base64"))?;
    let (start, end) = chunk_range(s.size, c.index);
    if bytes.len() as u64 != end - start {
        return Err(Violation::new("data", format!("must hold {} bytes for chunk {}", end - start, c.index)).into());
    }
    if c.index > s.received_chunks {
        let msg = format!("chunk {} is missing before chunk {}", s.received_chunks, c.index);
        return Err(ApiFailure::new(StatusCode::BAD_REQUEST, codes::CHUNK_OUT_OF_ORDER, msg));
    }
    if c.index == s.received_chunks {
        s.received_chunks += 1;
        s.complete = s.received_chunks == s.chunk_count;
    }
    Ok(Json(s.clone()))
}

/// Today in UTC+8 on the sandbox's clock (never before the seed's reference day).
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let now = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    now.max(crate::seed::reference_now()).with_timezone(&offset(UTC8)).date_naive()
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    project_id: Result<Path<String>, PathRejection>,
    JsonBody(req): JsonBody<SubmitAcceptance>,
) -> Result<Json<Project>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    service_partner(&v)?;
    let id = project_id.map(|Path(id)| id).unwrap_or_default();
    let mut guard = state.projects.book();
    let book = &mut *guard;
    let i = book.rows.iter().position(|r| r.project.project_id == id && sees(&v, r)).ok_or_else(not_found)?;
    let p = &book.rows[i].project;
    let bounds = Bounds {
        registered_on: p.registered_time.with_timezone(&offset(UTC8)).date_naive(),
        today: today(),
        contract_amount: p.contract_amount,
    };
    if let Some(violation) = first_violation(&check_submission(&req, &bounds)) {
        return Err(violation.into());
    }
    if let Some(refusal) = apply_refusal(&p.status) {
        return Err(ApiFailure::new(
            StatusCode::BAD_REQUEST,
            refusal.code(),
            "the acceptance cannot be applied for now",
        ));
    }
    let mut refs = Vec::new();
    for a in &req.attachment_ids {
        let up = book
            .uploads
            .iter()
            .find(|u| &u.state.attachment_id == a && u.partner == v.partner_ix && u.project_id == id && !u.used)
            .ok_or_else(attachment_not_found)?;
        if !up.state.complete {
            let msg = format!("attachment {a} has {} of {} chunks", up.state.received_chunks, up.state.chunk_count);
            return Err(ApiFailure::new(StatusCode::BAD_REQUEST, codes::ATTACHMENT_INCOMPLETE, msg));
        }
        refs.push(AttachmentRef {
            attachment_id: a.clone(),
            file_name: up.state.file_name.clone(),
            size: up.state.size,
        });
    }
    book.uploads.iter_mut().filter(|u| req.attachment_ids.contains(&u.state.attachment_id)).for_each(|u| u.used = true);
    let (n, at) = book.tick();
    let p = &mut book.rows[i].project;
    p.status = status::ACCEPTANCE_SUBMITTED.into();
    p.acceptance = Some(Acceptance {
        application_id: format!("PA2026{:06}", 100_000 + n),
        completion_date: req.completion_date,
        acceptance_amount: req.acceptance_amount,
        contact_name: req.contact_name.trim().into(),
        contact_phone: req.contact_phone.trim().into(),
        summary: req.summary.trim().into(),
        attachments: refs,
        reject_reason: None,
        submitted_time: at,
        updated_time: at,
    });
    Ok(Json(p.clone()))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewMove {
    pub project_id: String,
    /// `start`, `approve` or `reject`.
    pub action: String,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /__sandbox/project-review`: a reviewer's move on a project's acceptance.
pub async fn review_move(
    State(state): State<AppState>,
    JsonBody(m): JsonBody<ReviewMove>,
) -> Result<Json<Project>, ApiFailure> {
    let action = ReviewAction::parse(&m.action)
        .ok_or_else(|| ApiFailure::invalid(Violation::new("action", "must be one of start, approve, reject")))?;
    let mut book = state.projects.book();
    let (_, at) = book.tick();
    let p = &mut book.rows.iter_mut().find(|r| r.project.project_id == m.project_id).ok_or_else(not_found)?.project;
    let next = review_next(&p.status, action, m.reason.as_deref()).map_err(|r| match r {
        ReviewRefusal::ReasonRequired => ApiFailure::invalid(Violation::new("reason", "is required to reject")),
        ReviewRefusal::IllegalTransition => ApiFailure::new(
            StatusCode::BAD_REQUEST,
            codes::ILLEGAL_ACCEPTANCE_TRANSITION,
            format!("cannot {} a project that is {}", m.action, p.status),
        ),
    })?;
    p.status = next.to_string();
    if let Some(a) = p.acceptance.as_mut() {
        a.updated_time = at;
        if next == status::ACCEPTANCE_REJECTED {
            a.reject_reason = m.reason.map(|r| r.trim().to_string());
        }
    }
    Ok(Json(p.clone()))
}
