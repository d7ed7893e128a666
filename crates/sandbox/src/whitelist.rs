//! Own contract (docs/contracts/whitelist.md): the customer whitelist for voucher issuance.
//! Versions never change in place; every import or rollback adds a numbered version under
//! the [`Whitelists`] mutex, so V2 always sees one whole version.

use crate::auth::Caller;
use crate::body::parse;
use crate::coupons::require_coupon_partner;
use crate::errors::ApiFailure;
use crate::query::QueryParams;
use crate::store::{AppState, CustomerIx, Data, PartnerIx, UserIx};
use crate::visibility::Viewer;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use partner_api::customer_id::{self, IdProblem};
use partner_api::error::codes as common;
use partner_api::profile::role;
use partner_api::time::Instant;
use partner_api::validate::{max_len, Violation};
use partner_api::whitelist::{
    change, codes, source, CancelResponse, ChangesQuery, ChunkResponse, CommitResponse, EntriesQuery, Entry, EntryList,
    ErrorPage, ErrorsQuery, OpenUploadResponse, RowError, RowProblem, UploadResponse, UploadRow, Version, VersionList,
    VersionsQuery, ERRORS_FIRST_PAGE, MAX_CHUNKS, MAX_ERRORS_LIMIT, MAX_FILE_ROWS, MAX_UPLOAD_ROWS, UPLOAD_TTL_SECS,
};
use partner_api::whitelist_resolve::{
    status as resolve_status, ResolveResponse, Resolved, MAX_KEY_CHARS, MAX_RESOLVE_KEYS,
};
use partner_api::PageRequest;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

const MAX_REMARK: usize = 256;
const MAX_FILE_NAME: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub added_in: u32,
    pub remark: Option<String>,
}

#[derive(Debug, Clone)]
pub struct VersionData {
    pub version_no: u32,
    pub source: &'static str,
    pub file_name: Option<String>,
    pub rollback_of: Option<u32>,
    pub created_by: UserIx,
    pub create_time: Instant,
    pub remark: Option<String>,
    pub members: HashMap<CustomerIx, Member>,
}

#[derive(Debug, Clone)]
pub struct Upload {
    pub partner: PartnerIx,
    pub file_name: String,
    pub base_version_no: u32,
    pub expires_at: Instant,
    pub committed: bool,
    pub valid_rows: u32,
    /// The complete membership the commit would install.
    pub new_members: HashMap<CustomerIx, Member>,
    pub added: Vec<CustomerIx>,
    pub removed: Vec<CustomerIx>,
    pub unchanged: Vec<CustomerIx>,
    /// Every refused row, by row number (the answer carries the first page of them).
    pub errors: Vec<RowError>,
}

/// A chunked upload being received: chunks by sequence number.
#[derive(Debug, Clone)]
pub struct Receiving {
    pub partner: PartnerIx,
    pub file_name: String,
    pub total_rows: u32,
    pub chunk_count: u32,
    pub expires_at: Instant,
    pub chunks: BTreeMap<u32, Vec<UploadRow>>,
}

#[derive(Debug, Default)]
pub struct Whitelists {
    /// Versions per partner, `versions[n - 1]` is version n.
    pub lists: HashMap<PartnerIx, Vec<VersionData>>,
    pub uploads: HashMap<String, Upload>,
    /// Chunked uploads still receiving chunks (not validated, not staged).
    pub receiving: HashMap<String, Receiving>,
    /// Ids cancelled, so a repeated cancel (a retry after a lost answer) answers the same.
    pub cancelled: HashSet<String>,
    /// Customer lookup by lower-cased account name (upload rows may name customers that way;
    /// names are matched regardless of case, as the browser de-duplicates them).
    pub by_account: HashMap<String, CustomerIx>,
    seq: u64,
}

impl Whitelists {
    pub fn new(data: &Data) -> Self {
        let by_account =
            data.customers.iter().enumerate().map(|(i, c)| (c.account_name.to_lowercase(), i as CustomerIx)).collect();
        Whitelists { by_account, ..Default::default() }
    }

    pub fn current(&self, partner: PartnerIx) -> Option<&VersionData> {
        self.lists.get(&partner).and_then(|v| v.last())
    }

    pub fn current_no(&self, partner: PartnerIx) -> u32 {
        self.current(partner).map_or(0, |v| v.version_no)
    }

    /// Whether the customer is on the partner's current version (V2 asks at issue time).
    pub fn is_member(&self, partner: PartnerIx, customer: CustomerIx) -> bool {
        self.current(partner).is_some_and(|v| v.members.contains_key(&customer))
    }

    /// Adds the next version. `entries` carries the remark for each member; members that
    /// were on the current version keep their `added_in`.
    #[allow(clippy::too_many_arguments)]
    pub fn add_version(
        &mut self,
        partner: PartnerIx,
        source: &'static str,
        file_name: Option<String>,
        rollback_of: Option<u32>,
        created_by: UserIx,
        create_time: Instant,
        remark: Option<String>,
        entries: HashMap<CustomerIx, Option<String>>,
    ) -> u32 {
        let list = self.lists.entry(partner).or_default();
        let version_no = list.len() as u32 + 1;
        let prev = list.last();
        let members = entries
            .into_iter()
            .map(|(c, remark)| {
                let added_in = prev.and_then(|p| p.members.get(&c)).map_or(version_no, |m| m.added_in);
                (c, Member { added_in, remark })
            })
            .collect();
        list.push(VersionData { version_no, source, file_name, rollback_of, created_by, create_time, remark, members });
        version_no
    }

    fn next_upload_id(&mut self) -> String {
        self.seq += 1;
        format!("WLU{:016x}", crate::prng::mix(self.seq ^ crate::prng::unique_u64()))
    }
}

fn gone() -> ApiFailure {
    ApiFailure::new(StatusCode::BAD_REQUEST, codes::UPLOAD_GONE, "the upload is unknown, expired or already committed")
}

fn changed(current: u32) -> ApiFailure {
    ApiFailure::new(
        StatusCode::BAD_REQUEST,
        codes::VERSION_CHANGED,
        format!("the whitelist changed since the upload was staged (current version is {current}): stage again"),
    )
}

fn require_editor(v: &Viewer) -> Result<(), ApiFailure> {
    if matches!(v.user.role, role::ADMIN | role::SUPERVISOR) {
        Ok(())
    } else {
        Err(ApiFailure::access_denied("only partner admins and supervisors may change the whitelist"))
    }
}

fn entry(data: &Data, c: CustomerIx, m: &Member) -> Entry {
    let cu = data.customer(c);
    Entry {
        customer_id: cu.id.clone(),
        account_name: cu.account_name.clone(),
        customer: cu.customer.clone(),
        association_type: cu.association_type.into(),
        added_in_version: m.added_in,
        remark: m.remark.clone(),
    }
}

/// Stable listing order: account name, then id.
fn sort_customers(data: &Data, list: &mut [CustomerIx]) {
    list.sort_unstable_by(|&a, &b| {
        let (a, b) = (data.customer(a), data.customer(b));
        a.account_name_lc.cmp(&b.account_name_lc).then_with(|| a.id.cmp(&b.id))
    });
}

fn version_row(data: &Data, v: &Viewer, list: &[VersionData], ix: usize) -> Version {
    let ver = &list[ix];
    let sees = |c: &CustomerIx| v.can_see(data.customer(*c));
    let entry_count = ver.members.keys().filter(|c| sees(c)).count() as u64;
    let added_count = ver.members.iter().filter(|(c, m)| m.added_in == ver.version_no && sees(c)).count() as u64;
    let removed_count = match ix.checked_sub(1) {
        Some(p) => list[p].members.keys().filter(|c| !ver.members.contains_key(c) && sees(c)).count() as u64,
        None => 0,
    };
    let by = &data.users[ver.created_by];
    Version {
        version_no: ver.version_no,
        source: ver.source.into(),
        file_name: ver.file_name.clone(),
        rollback_of: ver.rollback_of,
        entry_count,
        added_count,
        removed_count,
        created_by: by.name.clone(),
        created_by_name: by.display_name.clone(),
        create_time: ver.create_time,
        remark: ver.remark.clone(),
    }
}

pub async fn versions(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<VersionsQuery>,
) -> Result<Json<VersionList>, ApiFailure> {
    let q = query;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    let wl = state.vouchers.whitelists.lock().expect("whitelists");
    let list = wl.lists.get(&v.partner_ix).map(Vec::as_slice).unwrap_or(&[]);
    let newest_first: Vec<usize> = (0..list.len()).rev().collect();
    let versions = newest_first[page.range(list.len())].iter().map(|&i| version_row(data, &v, list, i)).collect();
    Ok(Json(VersionList {
        total_count: list.len() as u64,
        current_version_no: list.last().map_or(0, |v| v.version_no),
        versions,
    }))
}

pub async fn entries(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    QueryParams(query): QueryParams<EntriesQuery>,
) -> Result<Json<EntryList>, ApiFailure> {
    let q = query;
    max_len("keyword", q.keyword.as_deref(), 64)?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    let wl = state.vouchers.whitelists.lock().expect("whitelists");
    let list = wl.lists.get(&v.partner_ix).map(Vec::as_slice).unwrap_or(&[]);
    let version_no = match q.version_no {
        None => list.last().map_or(0, |v| v.version_no),
        Some(n) if n >= 1 && (n as usize) <= list.len() => n as u32,
        Some(_) => return Err(Violation::new("version_no", "does not name a whitelist version").into()),
    };
    let Some(ver) = version_no.checked_sub(1).and_then(|i| list.get(i as usize)) else {
        return Ok(Json(EntryList { total_count: 0, version_no: 0, entries: Vec::new() }));
    };
    let keyword = q.keyword.as_deref().filter(|k| !k.is_empty()).map(str::to_lowercase);
    let mut members: HashMap<CustomerIx, Member> = ver
        .members
        .iter()
        .filter(|(c, _)| {
            let cu = data.customer(**c);
            v.can_see(cu)
                && keyword.as_deref().is_none_or(|k| {
                    cu.account_name_lc.contains(k) || cu.customer_lc.contains(k) || cu.id.to_lowercase().contains(k)
                })
        })
        .map(|(c, m)| (*c, m.clone()))
        .collect();
    // Sort outside the lock: V2 consults the whitelist while it debits a quota.
    drop(wl);
    let mut rows: Vec<CustomerIx> = members.keys().copied().collect();
    sort_customers(data, &mut rows);
    let entries = rows[page.range(rows.len())]
        .iter()
        .map(|c| entry(data, *c, &members.remove(c).expect("collected above")))
        .collect();
    Ok(Json(EntryList { total_count: rows.len() as u64, version_no, entries }))
}

#[derive(Debug, Deserialize)]
struct UploadBody {
    #[serde(default)]
    file_name: Option<String>,
    #[serde(default)]
    rows: Option<Vec<UploadRow>>,
}

pub async fn upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> Result<Json<UploadResponse>, ApiFailure> {
    let b: UploadBody = parse(&body)?;
    let file_name = checked_file_name(b.file_name)?;
    let rows = b.rows.unwrap_or_default();
    checked_rows(&rows)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let now = state.vouchers.now();
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    let upload_id = wl.next_upload_id();
    Ok(Json(stage(data, &v, &mut wl, now, upload_id, file_name, &rows)))
}

fn checked_file_name(file_name: Option<String>) -> Result<String, ApiFailure> {
    let file_name = file_name.filter(|f| !f.trim().is_empty()).ok_or(Violation::new("file_name", "is required"))?;
    max_len("file_name", Some(&file_name), MAX_FILE_NAME)?;
    Ok(file_name)
}

/// One request's rows: 1 to [`MAX_UPLOAD_ROWS`], remarks within bounds.
fn checked_rows(rows: &[UploadRow]) -> Result<(), ApiFailure> {
    if rows.is_empty() || rows.len() > MAX_UPLOAD_ROWS {
        return Err(Violation::new("rows", format!("must have 1 to {MAX_UPLOAD_ROWS} rows")).into());
    }
    if let Some(r) = rows.iter().find(|r| r.remark.as_deref().is_some_and(|m| m.chars().count() > MAX_REMARK)) {
        return Err(Violation::new("rows", format!("row {} has a remark longer than {MAX_REMARK}", r.row_no)).into());
    }
    Ok(())
}

/// Validates the complete new list against the partner's customers in one pass (lookups in
/// the sandbox's indexes, never per-row requests), computes the diff against the current
/// version and keeps it as a staged upload. Nothing of the current version changes.
fn stage(
    data: &Data,
    v: &Viewer,
    wl: &mut Whitelists,
    now: Instant,
    upload_id: String,
    file_name: String,
    rows: &[UploadRow],
) -> UploadResponse {
    let mut errors = Vec::new();
    let mut seen: HashMap<CustomerIx, u32> = HashMap::new();
    let mut valid: Vec<(CustomerIx, Option<String>)> = Vec::new();
    let err = |row: &UploadRow, kind: RowProblem, code: &str, msg: String, value: Option<String>| RowError {
        row_no: row.row_no,
        error_code: code.into(),
        error_msg: msg,
        value,
        kind,
    };
    for row in rows {
        let id = row.customer_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let name = row.account_name.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let (key, found) = match (id, name) {
            (None, None) => {
                errors.push(err(
                    row,
                    RowProblem::NoKey,
                    common::PARAM_ERROR,
                    "neither a customer id nor an account name".into(),
                    None,
                ));
                continue;
            }
            (Some(i), _) if i.chars().count() > 64 => {
                errors.push(err(
                    row,
                    RowProblem::TooLong,
                    common::PARAM_ERROR,
                    "the customer id is longer than 64".into(),
                    Some(i.into()),
                ));
                continue;
            }
            (None, Some(n)) if n.chars().count() > 64 => {
                let msg = "the account name is longer than 64".into();
                errors.push(err(row, RowProblem::TooLong, common::PARAM_ERROR, msg, Some(n.into())));
                continue;
            }
            // IDs arrive normalised (lower-case 32 hex): anything else is a format error, never
            // "no such customer" (docs/contracts/whitelist.md, "Customer IDs").
            (Some(i), _) if customer_id::problem(i).is_some() || customer_id::normalise(i) != i => {
                let kind = match customer_id::problem(i) {
                    Some(IdProblem::Length(_)) => RowProblem::IdLength,
                    Some(IdProblem::Invisible(_)) => RowProblem::IdInvisible,
                    Some(IdProblem::LooksLikeName) => RowProblem::IdLooksLikeName,
                    Some(IdProblem::StoredAsNumber) => RowProblem::StoredAsNumber,
                    Some(IdProblem::NotHex(_)) | None => RowProblem::IdNotHex,
                };
                let msg = "the customer id is not 32 lower-case hex characters".into();
                errors.push(err(row, kind, common::PARAM_ERROR, msg, Some(i.into())));
                continue;
            }
            (Some(i), _) => (i, data.customer_by_id.get(i).copied()),
            (None, Some(n)) => (n, wl.by_account.get(&n.to_lowercase()).copied()),
        };
        let Some(c) = found else {
            errors.push(err(
                row,
                RowProblem::NoCustomer,
                common::CUSTOMER_MISSING,
                "no such customer".into(),
                Some(key.into()),
            ));
            continue;
        };
        let cu = data.customer(c);
        if cu.partner != v.partner_ix || !v.can_see(cu) {
            errors.push(err(
                row,
                RowProblem::NotYours,
                common::NOT_SUB_CUSTOMER,
                "not your sub-customer".into(),
                Some(key.into()),
            ));
            continue;
        }
        if cu.association_type != "2" {
            let msg = "the association type does not allow coupons (referral customer)".into();
            errors.push(err(
                row,
                RowProblem::Referral,
                partner_api::coupons::codes::ASSOCIATION_TYPE_NOT_ALLOWED,
                msg,
                Some(key.into()),
            ));
            continue;
        }
        if let Some(first) = seen.get(&c) {
            let msg = format!("duplicate of row {first}");
            errors.push(err(row, RowProblem::Duplicate, codes::DUPLICATE_ROW, msg, Some(first.to_string())));
            continue;
        }
        seen.insert(c, row.row_no);
        valid.push((c, row.remark.clone().filter(|r| !r.is_empty())));
    }

    let base_version_no = wl.current_no(v.partner_ix);
    let empty = HashMap::new();
    let current = wl.current(v.partner_ix).map_or(&empty, |c| &c.members);
    // Customers the uploader cannot see keep their membership; the file is the complete
    // list of the ones they can.
    let mut new_members: HashMap<CustomerIx, Member> =
        current.iter().filter(|(c, _)| !v.can_see(data.customer(**c))).map(|(c, m)| (*c, m.clone())).collect();
    let (mut added, mut unchanged) = (Vec::new(), Vec::new());
    for (c, remark) in &valid {
        match current.get(c) {
            Some(m) => {
                unchanged.push(*c);
                new_members.insert(*c, Member { added_in: m.added_in, remark: remark.clone().or(m.remark.clone()) });
            }
            None => {
                added.push(*c);
                new_members.insert(*c, Member { added_in: base_version_no + 1, remark: remark.clone() });
            }
        }
    }
    let mut removed: Vec<CustomerIx> = current.keys().copied().filter(|c| !new_members.contains_key(c)).collect();
    for list in [&mut added, &mut removed, &mut unchanged] {
        sort_customers(data, list);
    }
    // Listed by row number whatever order the chunks came in.
    errors.sort_by_key(|e| e.row_no);
    let expires_at = now + chrono::Duration::seconds(UPLOAD_TTL_SECS);
    let resp = UploadResponse {
        upload_id: upload_id.clone(),
        base_version_no,
        expires_at,
        total_rows: rows.len() as u32,
        valid_rows: valid.len() as u32,
        added_count: added.len() as u64,
        removed_count: removed.len() as u64,
        unchanged_count: unchanged.len() as u64,
        error_count: errors.len() as u64,
        error_details: errors.iter().take(ERRORS_FIRST_PAGE).cloned().collect(),
    };
    // Forget expired uploads while here.
    wl.uploads.retain(|_, u| u.expires_at > now && !u.committed);
    wl.receiving.retain(|_, r| r.expires_at > now);
    wl.uploads.insert(
        upload_id,
        Upload {
            partner: v.partner_ix,
            file_name,
            base_version_no,
            expires_at,
            committed: false,
            valid_rows: valid.len() as u32,
            new_members,
            added,
            removed,
            unchanged,
            errors,
        },
    );
    resp
}

#[derive(Debug, Deserialize)]
struct OpenBody {
    #[serde(default)]
    file_name: Option<String>,
    #[serde(default)]
    total_rows: Option<i64>,
    #[serde(default)]
    chunk_count: Option<i64>,
}

fn bounded(name: &'static str, value: Option<i64>, max: u32) -> Result<u32, ApiFailure> {
    let n = value.ok_or(Violation::new(name, "is required"))?;
    u32::try_from(n)
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| Violation::new(name, format!("must be 1 to {max}")).into())
}

/// Opens a chunked upload: nothing is validated or compared until `finish`.
pub async fn open_chunked(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> Result<Json<OpenUploadResponse>, ApiFailure> {
    let b: OpenBody = parse(&body)?;
    let file_name = checked_file_name(b.file_name)?;
    let total_rows = bounded("total_rows", b.total_rows, MAX_FILE_ROWS as u32)?;
    let chunk_count = bounded("chunk_count", b.chunk_count, MAX_CHUNKS.min(total_rows))?;
    let v = Viewer::new(&state.data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let now = state.vouchers.now();
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    wl.receiving.retain(|_, r| r.expires_at > now);
    let upload_id = wl.next_upload_id();
    let expires_at = now + chrono::Duration::seconds(UPLOAD_TTL_SECS);
    let r =
        Receiving { partner: v.partner_ix, file_name, total_rows, chunk_count, expires_at, chunks: BTreeMap::new() };
    wl.receiving.insert(upload_id.clone(), r);
    Ok(Json(OpenUploadResponse { upload_id, expires_at, max_chunk_rows: MAX_UPLOAD_ROWS as u32 }))
}

fn receiving_mut<'a>(
    wl: &'a mut Whitelists,
    id: &str,
    partner: PartnerIx,
    now: Instant,
) -> Result<&'a mut Receiving, ApiFailure> {
    wl.receiving.get_mut(id).filter(|r| r.partner == partner && r.expires_at > now).ok_or_else(gone)
}

#[derive(Debug, Deserialize)]
struct ChunkBody {
    #[serde(default)]
    seq: Option<i64>,
    #[serde(default)]
    rows: Option<Vec<UploadRow>>,
}

/// Stores chunk `seq`, replacing one sent before under the same number (a retry after a
/// lost answer), so rows are never counted twice.
pub async fn chunk(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(upload_id): Path<String>,
    body: Bytes,
) -> Result<Json<ChunkResponse>, ApiFailure> {
    let b: ChunkBody = parse(&body)?;
    let rows = b.rows.unwrap_or_default();
    checked_rows(&rows)?;
    let v = Viewer::new(&state.data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let now = state.vouchers.now();
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    let r = receiving_mut(&mut wl, &upload_id, v.partner_ix, now)?;
    let seq = bounded("seq", b.seq, r.chunk_count)?;
    r.chunks.insert(seq, rows);
    let received_rows = r.chunks.values().map(Vec::len).sum::<usize>();
    if received_rows > r.total_rows as usize {
        r.chunks.remove(&seq);
        let msg = format!("the chunks hold more than the {} rows announced", r.total_rows);
        return Err(Violation::new("rows", msg).into());
    }
    r.expires_at = now + chrono::Duration::seconds(UPLOAD_TTL_SECS);
    Ok(Json(ChunkResponse { seq, received_chunks: r.chunks.len() as u32, received_rows: received_rows as u32 }))
}

/// All chunks are in: validate and stage the whole file as one upload (the preview).
pub async fn finish(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(upload_id): Path<String>,
) -> Result<Json<UploadResponse>, ApiFailure> {
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let now = state.vouchers.now();
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    let r = receiving_mut(&mut wl, &upload_id, v.partner_ix, now)?;
    let missing: Vec<String> =
        (1..=r.chunk_count).filter(|s| !r.chunks.contains_key(s)).map(|s| s.to_string()).collect();
    if !missing.is_empty() {
        let shown = missing.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
        return Err(Violation::new("chunks", format!("{} missing: {shown}", missing.len())).into());
    }
    let received = r.chunks.values().map(Vec::len).sum::<usize>();
    if received != r.total_rows as usize {
        let msg = format!("hold {received} rows, {} were announced", r.total_rows);
        return Err(Violation::new("chunks", msg).into());
    }
    let mut row_nos = HashSet::with_capacity(received);
    if let Some(dup) = r.chunks.values().flatten().find(|row| !row_nos.insert(row.row_no)) {
        // The chunks stay: the client may send the wrong one again.
        return Err(Violation::new("rows", format!("row_no {} appears twice", dup.row_no)).into());
    }
    let r = wl.receiving.remove(&upload_id).expect("found above");
    let rows: Vec<UploadRow> = r.chunks.into_values().flatten().collect();
    Ok(Json(stage(data, &v, &mut wl, now, upload_id, r.file_name, &rows)))
}

/// Discards a chunked upload being received, or a staged upload not yet committed. The
/// current version is never touched. Cancelling twice answers the same.
pub async fn cancel(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(upload_id): Path<String>,
) -> Result<Json<CancelResponse>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    let receiving = wl.receiving.get(&upload_id).is_some_and(|r| r.partner == v.partner_ix);
    let staged = wl.uploads.get(&upload_id).filter(|u| u.partner == v.partner_ix);
    if staged.is_some_and(|u| u.committed) {
        return Err(gone());
    }
    if receiving {
        wl.receiving.remove(&upload_id);
        wl.cancelled.insert(upload_id.clone());
    } else if staged.is_some() {
        wl.uploads.remove(&upload_id);
        wl.cancelled.insert(upload_id.clone());
    } else if !wl.cancelled.contains(&upload_id) {
        return Err(gone());
    }
    Ok(Json(CancelResponse { upload_id, cancelled: true }))
}

fn live_upload<'a>(wl: &'a Whitelists, id: &str, partner: PartnerIx, now: Instant) -> Result<&'a Upload, ApiFailure> {
    wl.uploads.get(id).filter(|u| u.partner == partner && !u.committed && u.expires_at > now).ok_or_else(gone)
}

pub async fn changes(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(upload_id): Path<String>,
    QueryParams(query): QueryParams<ChangesQuery>,
) -> Result<Json<EntryList>, ApiFailure> {
    let q = query;
    let kind = q.change.as_deref().ok_or(Violation::new("change", "is required"))?;
    partner_api::validate::one_of("change", kind, change::ALL)?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    let now = state.vouchers.now();
    let wl = state.vouchers.whitelists.lock().expect("whitelists");
    let u = live_upload(&wl, &upload_id, v.partner_ix, now)?;
    let list = match kind {
        change::ADDED => &u.added,
        change::REMOVED => &u.removed,
        _ => &u.unchanged,
    };
    let rows: Vec<CustomerIx> = list.iter().copied().filter(|&c| v.can_see(data.customer(c))).collect();
    let current = wl.current(v.partner_ix);
    let entries = rows[page.range(rows.len())]
        .iter()
        .map(|c| {
            let m = u.new_members.get(c).or_else(|| current.and_then(|cur| cur.members.get(c)));
            let m = m.cloned().unwrap_or(Member { added_in: u.base_version_no + 1, remark: None });
            entry(data, *c, &m)
        })
        .collect();
    Ok(Json(EntryList { total_count: rows.len() as u64, version_no: u.base_version_no, entries }))
}

/// A page of an upload's refused rows, by row number (`limit` up to `MAX_ERRORS_LIMIT`, so a
/// download of every refused row takes few requests).
pub async fn errors(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(upload_id): Path<String>,
    QueryParams(query): QueryParams<ErrorsQuery>,
) -> Result<Json<ErrorPage>, ApiFailure> {
    let q = query;
    let offset = q.offset.unwrap_or(0);
    if !(0..=i64::from(u32::MAX)).contains(&offset) {
        return Err(Violation::new("offset", "must be 0 or more").into());
    }
    let limit = q.limit.unwrap_or(ERRORS_FIRST_PAGE as i64);
    if !(1..=i64::from(MAX_ERRORS_LIMIT)).contains(&limit) {
        return Err(Violation::new("limit", format!("must be between 1 and {MAX_ERRORS_LIMIT}")).into());
    }
    let v = Viewer::new(&state.data, caller.user);
    require_coupon_partner(&v)?;
    let now = state.vouchers.now();
    let wl = state.vouchers.whitelists.lock().expect("whitelists");
    let u = live_upload(&wl, &upload_id, v.partner_ix, now)?;
    let page = PageRequest { offset: offset as u64, limit: limit as u32 };
    let error_details = u.errors[page.range(u.errors.len())].to_vec();
    Ok(Json(ErrorPage { total_count: u.errors.len() as u64, error_details }))
}

#[derive(Debug, Deserialize)]
struct CommitBody {
    #[serde(default)]
    base_version_no: Option<i64>,
    #[serde(default)]
    remark: Option<String>,
}

fn commit_body(body: &[u8]) -> Result<(u32, Option<String>), ApiFailure> {
    let b: CommitBody = parse(body)?;
    let base = b.base_version_no.ok_or(Violation::new("base_version_no", "is required"))?;
    let base = u32::try_from(base).map_err(|_| Violation::new("base_version_no", "must be 0 or more"))?;
    max_len("remark", b.remark.as_deref(), MAX_REMARK)?;
    Ok((base, b.remark.filter(|r| !r.is_empty())))
}

pub async fn commit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(upload_id): Path<String>,
    body: Bytes,
) -> Result<Json<CommitResponse>, ApiFailure> {
    let (base, remark) = commit_body(&body)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let now = state.vouchers.now();
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    let u = live_upload(&wl, &upload_id, v.partner_ix, now)?;
    let current = wl.current_no(v.partner_ix);
    if base != current || u.base_version_no != current {
        return Err(changed(current));
    }
    if u.valid_rows == 0 {
        return Err(ApiFailure::new(StatusCode::BAD_REQUEST, codes::NO_VALID_ROWS, "the upload has no valid rows"));
    }
    let entries = u.new_members.iter().map(|(c, m)| (*c, m.remark.clone())).collect();
    let file_name = Some(u.file_name.clone());
    let version_no = wl.add_version(v.partner_ix, source::IMPORT, file_name, None, v.user_ix, now, remark, entries);
    if let Some(u) = wl.uploads.get_mut(&upload_id) {
        u.committed = true;
    }
    Ok(Json(CommitResponse { version_no }))
}

pub async fn rollback(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(version_no): Path<String>,
    body: Bytes,
) -> Result<Json<CommitResponse>, ApiFailure> {
    // Digits only, as everywhere (Rust's parse would take a leading '+').
    let target: u32 = Some(&version_no)
        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Violation::new("version_no", "must be a whitelist version number"))?;
    let (base, remark) = commit_body(&body)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    require_editor(&v)?;
    let now = state.vouchers.now();
    let mut wl = state.vouchers.whitelists.lock().expect("whitelists");
    let current = wl.current_no(v.partner_ix);
    if base != current {
        return Err(changed(current));
    }
    if target == 0 || target > current {
        return Err(Violation::new("version_no", "does not name a whitelist version").into());
    }
    if target == current {
        return Err(Violation::new("version_no", "is already the current version").into());
    }
    let list = &wl.lists[&v.partner_ix];
    let (old, cur) = (&list[target as usize - 1].members, &list[current as usize - 1].members);
    // Visible customers as in the old version; the others stay as they are now.
    let mut entries: HashMap<CustomerIx, Option<String>> =
        cur.iter().filter(|(c, _)| !v.can_see(data.customer(**c))).map(|(c, m)| (*c, m.remark.clone())).collect();
    entries.extend(old.iter().filter(|(c, _)| v.can_see(data.customer(**c))).map(|(c, m)| (*c, m.remark.clone())));
    let version_no =
        wl.add_version(v.partner_ix, source::ROLLBACK, None, Some(target), v.user_ix, now, remark, entries);
    Ok(Json(CommitResponse { version_no }))
}

#[derive(Debug, Deserialize)]
struct ResolveBody {
    #[serde(default)]
    keys: Option<Vec<String>>,
}

/// Many account names or customer ids at once (the paste box): one answer per key, in
/// order, against the current version; case-insensitive, like the entries keyword.
pub async fn resolve(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> Result<Json<ResolveResponse>, ApiFailure> {
    let b: ResolveBody = parse(&body)?;
    let keys = b.keys.ok_or(Violation::new("keys", "is required"))?;
    if keys.is_empty() || keys.len() > MAX_RESOLVE_KEYS {
        return Err(Violation::new("keys", format!("must hold 1 to {MAX_RESOLVE_KEYS} keys")).into());
    }
    if keys.iter().any(|k| k.trim().is_empty() || k.trim().chars().count() > MAX_KEY_CHARS) {
        return Err(Violation::new("keys", format!("each key must be 1 to {MAX_KEY_CHARS} characters")).into());
    }
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    require_coupon_partner(&v)?;
    let wanted: HashSet<String> = keys.iter().map(|k| k.trim().to_lowercase()).collect();
    // One pass over the partner's visible customers, never a lookup per key.
    let mut by_key: HashMap<String, CustomerIx> = HashMap::new();
    for (i, cu) in data.customers.iter().enumerate() {
        if cu.partner != v.partner_ix || !v.can_see(cu) {
            continue;
        }
        for k in [cu.id.to_lowercase(), cu.account_name_lc.clone()] {
            if wanted.contains(&k) {
                by_key.entry(k).or_insert(i as CustomerIx);
            }
        }
    }
    let wl = state.vouchers.whitelists.lock().expect("whitelists");
    let version_no = wl.current_no(v.partner_ix);
    let results = keys
        .into_iter()
        .map(|key| {
            let hit = by_key.get(&key.trim().to_lowercase()).copied();
            let (st, c) = match hit {
                Some(c) if wl.is_member(v.partner_ix, c) => (resolve_status::WHITELISTED, Some(data.customer(c))),
                Some(_) => (resolve_status::NOT_WHITELISTED, None),
                None => (resolve_status::NOT_CUSTOMER, None),
            };
            Resolved {
                key,
                status: st.into(),
                customer_id: c.map(|c| c.id.clone()),
                account_name: c.map(|c| c.account_name.clone()),
                customer: c.map(|c| c.customer.clone()),
            }
        })
        .collect();
    Ok(Json(ResolveResponse { version_no, results }))
}
