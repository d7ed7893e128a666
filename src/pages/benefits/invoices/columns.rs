//! B5's columns, and what each state shows beside it (`Invoice::shows`, worded as the console).

use crate::components::table::Column;
use crate::i18n::{IvReturnRejectedText, IvRevocationRejectedText, IvShipment, Locale, Msg};
use leptos::prelude::*;
use partner_api::invoices::{invoice_type, status, Invoice, Shows};

pub fn status_text(s: &str, l: Locale) -> String {
    let msg = match s {
        status::ISSUING => Msg::IvStatusIssuing,
        status::REVOCATION_REJECTED => Msg::IvStatusRevocationRejected,
        status::PENDING_RECEIPT => Msg::IvStatusPendingReceipt,
        status::INVOICED => Msg::IvStatusInvoiced,
        status::INVOICED_RETURN_REJECTED => Msg::IvStatusReturnRejected,
        _ => return s.to_string(),
    };
    msg.text(l).to_string()
}

pub fn status_options(l: Locale) -> Vec<(String, String)> {
    status::ALL.iter().map(|s| (s.to_string(), status_text(s, l))).collect()
}

/// A reason as the sentence's end (the sentence adds its own full stop).
fn clause(reason: &str) -> &str {
    reason.trim().trim_end_matches(['。', '.'])
}

/// The sentence beside the state ("-" when the console shows none).
pub fn shows_text(i: &Invoice, l: Locale) -> String {
    match i.shows() {
        Shows::Issuing | Shows::Invoiced | Shows::ReturnRejected { reason: None } => "-".into(),
        Shows::RevocationRejected { reason } => IvRevocationRejectedText { reason: &clause(&reason) }.text(l),
        Shows::Mailed => Msg::IvMailed.text(l).to_string(),
        Shows::ReturnRejected { reason: Some(reason) } => IvReturnRejectedText { reason: &clause(&reason) }.text(l),
    }
}

fn status_tag(i: &Invoice, l: Locale) -> AnyView {
    let tone = match i.status.as_str() {
        status::INVOICED => "tag-won",
        status::PENDING_RECEIPT => "tag-negotiation",
        status::REVOCATION_REJECTED | status::INVOICED_RETURN_REJECTED => "tag-lost",
        _ => "",
    };
    view! { <span class=format!("tag {tone}") data-testid="invoice-status" data-status=i.status.clone()>{status_text(&i.status, l)}</span> }
        .into_any()
}

fn type_text(t: &str, l: Locale) -> String {
    match t {
        invoice_type::VAT_SPECIAL => Msg::IvTypeSpecial.text(l).to_string(),
        invoice_type::VAT_NORMAL => Msg::IvTypeNormal.text(l).to_string(),
        _ => t.to_string(),
    }
}

type C = Column<Invoice>;

pub fn columns() -> Vec<C> {
    vec![
        C::text("no", Msg::IvColNo, |r, _| r.invoice_no.clone().unwrap_or_else(|| "-".into())).copyable().width(120),
        C::text("period", Msg::IvColPeriod, |r, _| r.period.clone()).width(100),
        C::money("amount", Msg::IvColAmount, |r| Some((r.amount, r.currency.as_str())))
            .sort("amount")
            .desc_first()
            .width(150),
        C::text("status", Msg::Status, |r, l| status_text(&r.status, l)).view(status_tag).width(150),
        C::text("shows", Msg::IvColShows, shows_text)
            .view(|r, l| {
                view! { <span class="invoice-shows" data-testid="invoice-shows">{shows_text(r, l)}</span> }.into_any()
            })
            .width(420),
        C::text("type", Msg::IvColType, |r, l| type_text(&r.invoice_type, l)).width(140),
        C::text("title", Msg::IvColTitle, |r, _| r.title.clone()).width(200),
        C::date_time("applied", Msg::IvColApplied, |r| Some(r.apply_time)).sort("apply_time").desc_first().width(160),
        C::date_time("mailed", Msg::IvColMailed, |r| r.mailed_time).width(160),
        C::text("express", Msg::IvColExpress, |r, l| match (&r.express_company, &r.tracking_no) {
            (Some(c), Some(n)) => IvShipment { company: c, no: n }.text(l),
            _ => "-".into(),
        })
        .width(200),
        C::date_time("signed", Msg::IvColSigned, |r| r.signed_time).width(160),
    ]
}
