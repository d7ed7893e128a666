//! B5 发票: the service partner's invoices on the shared list (filters in the URL, export from
//! the table), each state with what the console shows beside it, and 签收 on 待签收 rows with
//! a confirmation (sign.rs). Distributors and resellers are told at the route that invoices pay
//! service-partner programme incentives (registry rule).

mod columns;
mod filters;
mod sign;

use crate::api::profile::use_profile;
use crate::api::use_api;
use crate::components::filters::{DateRangeFilter, SelectFilter, TextFilter};
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::table::{paged, RowAction};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::BENEFITS_INVOICES;
use columns::{columns, status_options};
use filters::InvoiceFilters;
use leptos::prelude::*;
use partner_api::invoices::{may_sign, status, Invoice};
use sign::{SignDialog, SignFlow, Signer};

#[component]
pub fn InvoicesPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let profile = use_profile();
    let signs = Memo::new(move |_| profile.with(may_sign).unwrap_or(false));
    let signer = Signer::new(api);
    let url = ListUrl::<InvoiceFilters>::new(BENEFITS_INVOICES, SIZES, &[("apply_time", true)]);
    let bar = move |d: Draft<InvoiceFilters>| {
        type F = InvoiceFilters;
        let options = Signal::derive(move || status_options(i18n.get()));
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::Status options selected=d.bind(F::status()) test_id="filter-status" />
                <TextFilter label=Msg::IvColNo placeholder=Msg::IvColNo value=d.bind(F::invoice_no()) test_id="filter-invoice-no" max_len=32 />
                <DateRangeFilter label=Msg::IvColApplied from=d.bind(F::from()) to=d.bind(F::to()) problem=d.check(F::range) test_id="filter-applied" />
            </div>
        }
        .into_any()
    };
    let table = move || {
        let actions = if signs.get() {
            vec![RowAction::button("sign", Msg::IvSign, move |i: Invoice| signer.ask(i))
                .only_when(|i: &Invoice| i.status == status::PENDING_RECEIPT)]
        } else {
            Vec::new()
        };
        let list = List::new(url, "invoices", "invoices-table", Msg::IvNav, move |f: InvoiceFilters| {
            signer.version.track();
            paged(&api, f.to_request())
        })
        .form_id("invoice-filters")
        .bar(bar)
        .check(InvoiceFilters::range)
        .columns(columns, |i: &Invoice| i.invoice_id.clone())
        .row_actions(actions)
        .empty(Msg::IvEmpty, Msg::IvEmptyFiltered)
        .total(crate::i18n::IvTotal::of);
        view! { <ListPage list=list /> }
    };
    view! {
        <section class="page" data-testid="page-invoices">
            <h1 class="page-title">{tr(Msg::IvNav)}</h1>
            <p class="page-intro">{tr(Msg::IvIntro)}</p>
            {move || (!signs.get()).then(|| view! {
                <div class="notice notice-info" role="status" data-testid="sign-read-only">{tr(Msg::IvReadOnlyRole)}</div>
            })}
            {move || match signer.flow.get() {
                SignFlow::Done { already } => Some(view! {
                    <div class="notice notice-success" role="status" data-testid="sign-done" data-already=already.to_string()>
                        {if already { tr(Msg::IvAlreadySigned)() } else { tr(Msg::IvSigned)() }}
                    </div>
                }),
                _ => None,
            }}
            {table}
            <SignDialog signer />
        </section>
    }
}
