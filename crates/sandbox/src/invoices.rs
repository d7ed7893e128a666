//! B5 invoices (docs/contracts/invoices.md): the invoices the provider issues to a service
//! partner for its programme incentives, seeded in every state, and 签收, which
//! `partner_api::invoices::sign` allows only from 待签收 and never twice.

use crate::auth::Caller;
use crate::errors::ApiFailure;
use crate::programmes_seed::at;
use crate::store::{AppState, Data, PartnerIx};
use crate::visibility::Viewer;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::{Extension, Json};
use chrono::Duration;
use partner_api::codes;
use partner_api::invoices::{
    invoice_type, may_sign, sign, status, Invoice, InvoiceList, ListInvoicesRequest, DEFAULT_ORDER_BY, SORT_KEYS,
};
use partner_api::money::MEASURE_YUAN;
use partner_api::page::PageRequest;
use partner_api::profile::{partner_type, Profile};
use partner_api::validate::{max_len, one_of, range, utc_opt, Violation};
use partner_api::Amount;
use std::sync::{Mutex, MutexGuard};

/// (account, period, amount in cents, status, reason, applied on (y, m, d), type).
type InvoiceDef = (&'static str, &'static str, i64, &'static str, Option<&'static str>, (i32, u32, u32), &'static str);

const SEEDED: &[InvoiceDef] = &[
    ("huitong_services", "2025Q2", 8_640_000, status::INVOICED, None, (2025, 7, 15), invoice_type::VAT_SPECIAL),
    (
        "huitong_services",
        "2025Q3",
        9_120_000,
        status::INVOICED_RETURN_REJECTED,
        None,
        (2025, 10, 14),
        invoice_type::VAT_SPECIAL,
    ),
    (
        "huitong_services",
        "2025Q4",
        9_870_000,
        status::INVOICED_RETURN_REJECTED,
        Some("发票已认证抵扣,无法退票。"),
        (2026, 1, 13),
        invoice_type::VAT_SPECIAL,
    ),
    ("huitong_services", "2026Q1", 11_100_000, status::INVOICED, None, (2026, 4, 14), invoice_type::VAT_SPECIAL),
    ("huitong_services", "2026Q2", 12_300_000, status::PENDING_RECEIPT, None, (2026, 7, 16), invoice_type::VAT_SPECIAL),
    ("huitong_services", "2026Q2", 2_550_000, status::PENDING_RECEIPT, None, (2026, 7, 20), invoice_type::VAT_NORMAL),
    ("huitong_services", "2026Q3", 13_500_000, status::ISSUING, None, (2026, 10, 15), invoice_type::VAT_SPECIAL),
    (
        "huitong_services",
        "2026Q3",
        3_000_000,
        status::REVOCATION_REJECTED,
        Some("发票已进入开具流程,无法撤销。"),
        (2026, 10, 18),
        invoice_type::VAT_NORMAL,
    ),
    ("yunqi_services", "2026Q2", 3_600_000, status::PENDING_RECEIPT, None, (2026, 7, 21), invoice_type::VAT_SPECIAL),
    ("yunqi_services", "2026Q3", 5_400_000, status::ISSUING, None, (2026, 10, 16), invoice_type::VAT_SPECIAL),
];

pub struct Invoices {
    rows: Mutex<Vec<(PartnerIx, Invoice)>>,
}

fn mailed(s: &str) -> bool {
    s != status::ISSUING && s != status::REVOCATION_REJECTED
}

impl Invoices {
    pub fn seeded(data: &Data) -> Self {
        let mut rows = Vec::new();
        for (n, (account, period, cents, st, reason, (y, m, d), kind)) in SEEDED.iter().enumerate() {
            let partner = data.partner_by_account(account).expect("seeded partner");
            let applied = at(*y, *m, *d);
            let mailed_time = mailed(st).then(|| applied + Duration::days(12));
            let signed = *st == status::INVOICED || *st == status::INVOICED_RETURN_REJECTED;
            rows.push((
                partner,
                Invoice {
                    invoice_id: format!("IV{}{:03}", period, n + 1),
                    invoice_no: mailed(st).then(|| format!("{:08}", 4400_1000 + n * 137)),
                    invoice_type: kind.to_string(),
                    title: data.partners[partner].name.clone(),
                    period: period.to_string(),
                    amount: Amount::from_cents(*cents),
                    measure_id: MEASURE_YUAN,
                    currency: "CNY".into(),
                    status: st.to_string(),
                    reject_reason: reason.map(str::to_string),
                    apply_time: applied,
                    mailed_time,
                    express_company: mailed(st).then(|| "顺丰速运".to_string()),
                    tracking_no: mailed(st).then(|| format!("SF{:012}", 1_402_000_000 + n * 7919)),
                    signed_time: signed.then(|| applied + Duration::days(15)),
                },
            ));
        }
        Invoices { rows: Mutex::new(rows) }
    }

    fn rows(&self) -> MutexGuard<'_, Vec<(PartnerIx, Invoice)>> {
        self.rows.lock().expect("invoices lock")
    }

    /// The status of one invoice (tests).
    pub fn status_of(&self, invoice_id: &str) -> Option<String> {
        self.rows().iter().find(|(_, i)| i.invoice_id == invoice_id).map(|(_, i)| i.status.clone())
    }
}

/// The part of the caller's profile the sign rule reads.
fn profile_of(v: &Viewer) -> Profile {
    Profile {
        partner_id: v.partner.id.clone(),
        partner_name: v.partner.name.clone(),
        partner_type: v.partner.partner_type.into(),
        user_id: v.user.id.clone(),
        user_name: v.user.name.clone(),
        display_name: v.user.display_name.clone(),
        role: v.user.role.into(),
        site: v.partner.site.into(),
        account_managers: Vec::new(),
        indirect_partners: Vec::new(),
    }
}

fn require_service_partner(v: &Viewer) -> Result<(), ApiFailure> {
    if v.partner.partner_type == partner_type::SERVICE_PARTNER {
        Ok(())
    } else {
        Err(ApiFailure::access_denied("invoices are for service partners"))
    }
}

fn not_found() -> ApiFailure {
    ApiFailure::new(StatusCode::NOT_FOUND, codes::INVOICE_NOT_FOUND, "no such invoice")
}

fn order_by(raw: Option<&str>) -> Result<(&str, bool), Violation> {
    let raw = raw.unwrap_or(DEFAULT_ORDER_BY);
    let (desc, key) = raw.strip_prefix('-').map_or((false, raw), |k| (true, k));
    if !SORT_KEYS.contains(&key) {
        return Err(Violation::new(
            "order_by",
            format!("must be one of {}, optionally prefixed with '-'", SORT_KEYS.join(", ")),
        ));
    }
    Ok((key, desc))
}

pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    uri: Uri,
) -> Result<Json<InvoiceList>, ApiFailure> {
    let q = ListInvoicesRequest::from_query(uri.query())?;
    if let Some(s) = q.status.as_deref() {
        one_of("status", s, status::ALL)?;
    }
    max_len("invoice_no", q.invoice_no.as_deref(), 32)?;
    let begin = utc_opt("apply_time_begin", q.apply_time_begin.as_deref())?;
    let end = utc_opt("apply_time_end", q.apply_time_end.as_deref())?;
    range("apply_time_begin", begin, end)?;
    let (key, desc) = order_by(q.order_by.as_deref())?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let v = Viewer::new(&state.data, caller.user);
    require_service_partner(&v)?;
    let all = state.invoices.rows();
    let mut rows: Vec<&Invoice> = all
        .iter()
        .filter(|(p, i)| {
            *p == v.partner_ix
                && q.status.as_ref().is_none_or(|s| &i.status == s)
                && q.invoice_no.as_ref().is_none_or(|n| i.invoice_no.as_ref() == Some(n))
                && begin.is_none_or(|b| i.apply_time >= b)
                && end.is_none_or(|e| i.apply_time < e)
        })
        .map(|(_, i)| i)
        .collect();
    rows.sort_by(|a, b| {
        let o = if key == "amount" { a.amount.cmp(&b.amount) } else { a.apply_time.cmp(&b.apply_time) };
        (if desc { o.reverse() } else { o }).then_with(|| a.invoice_id.cmp(&b.invoice_id))
    });
    let total_count = rows.len() as u64;
    Ok(Json(InvoiceList { total_count, invoices: rows[page.range(rows.len())].iter().map(|i| (*i).clone()).collect() }))
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    invoice_id: Result<Path<String>, PathRejection>,
) -> Result<Json<Invoice>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    require_service_partner(&v)?;
    let Ok(Path(id)) = invoice_id else { return Err(not_found()) };
    let rows = state.invoices.rows();
    let found = rows.iter().find(|(p, i)| *p == v.partner_ix && i.invoice_id == id);
    found.map(|(_, i)| Json(i.clone())).ok_or_else(not_found)
}

/// 签收: from 待签收 to 已开票, once.
pub async fn sign_for(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    invoice_id: Result<Path<String>, PathRejection>,
) -> Result<Json<Invoice>, ApiFailure> {
    let v = Viewer::new(&state.data, caller.user);
    require_service_partner(&v)?;
    if !may_sign(&profile_of(&v)) {
        return Err(ApiFailure::access_denied("only the administrator or a supervisor may sign for invoices"));
    }
    let Ok(Path(id)) = invoice_id else { return Err(not_found()) };
    let mut rows = state.invoices.rows();
    let (_, invoice) = rows.iter_mut().find(|(p, i)| *p == v.partner_ix && i.invoice_id == id).ok_or_else(not_found)?;
    let next = sign(&invoice.status).map_err(|r| {
        let msg = format!("the invoice is {}; only a PENDING_RECEIPT invoice can be signed for", invoice.status);
        ApiFailure::new(StatusCode::BAD_REQUEST, r.code(), msg)
    })?;
    invoice.status = next.to_string();
    invoice.signed_time = Some(crate::seed::reference_now());
    Ok(Json(invoice.clone()))
}
