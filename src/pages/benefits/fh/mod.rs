//! B1 专职人员激励 (FH): the monthly full-time staff incentive applications of a member of the
//! invite-only CCoE programme, with their review states (status filter in the URL, export from
//! the shared table). The console describes no way to apply here, so there is none. Others
//! see the programme's prerequisite (ProgrammeGate).

use crate::api::use_api;
use crate::components::filters::SelectFilter;
use crate::components::list_page::{Draft, List, ListPage, ListUrl, SIZES};
use crate::components::programme_gate::ProgrammeGate;
use crate::components::programme_labels::{review_status_options, review_status_tag, review_status_text};
use crate::components::table::{paged, Column};
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::BENEFITS_FH;
use leptos::prelude::*;
use partner_api::programmes::{programme, FhApplication, ListFhApplicationsRequest};

crate::list_filters! {
    pub struct FhFilters {
        /// One review state (empty: all).
        pub status: String = "status",
    }
}

impl FhFilters {
    fn to_request(&self) -> ListFhApplicationsRequest {
        ListFhApplicationsRequest { status: Some(self.status.clone()).filter(|s| !s.is_empty()), ..Default::default() }
    }
}

type C = Column<FhApplication>;

fn columns() -> Vec<C> {
    vec![
        C::text("period", Msg::PgColPeriod, |r, _| r.period.clone()).width(110),
        C::text("id", Msg::PgColApplicationId, |r, _| r.application_id.clone()).copyable().width(150),
        C::number("staff", Msg::PgColStaff, |r| Some(r.staff_count as f64)).width(110),
        C::number("certified", Msg::PgColCertifiedStaff, |r| Some(r.certified_staff_count as f64)).width(110),
        C::money("amount", Msg::InColAmount, |r| Some((r.amount, r.currency.as_str()))).width(150),
        C::text("status", Msg::PgColStatus, |r, l| review_status_text(&r.status, l))
            .view(|r, l| review_status_tag(&r.status, l))
            .width(110),
        C::text("reason", Msg::PgColRejectReason, |r, _| r.reject_reason.clone().unwrap_or_default()).width(280),
        C::date_time("submitted", Msg::PgColSubmitted, |r| Some(r.submitted_time)).width(160),
        C::date_time("updated", Msg::InColUpdated, |r| Some(r.updated_time)).width(160),
    ]
}

#[component]
pub fn FhPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="page-fh">
            <h1 class="page-title">{tr(Msg::PgNavFh)}</h1>
            <ProgrammeGate programme=programme::CCOE>
                <FhApplications />
            </ProgrammeGate>
        </section>
    }
}

#[component]
fn FhApplications() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let url = ListUrl::<FhFilters>::new(BENEFITS_FH, SIZES, &[]);
    let bar = move |d: Draft<FhFilters>| {
        let options = Signal::derive(move || review_status_options(i18n.get()));
        view! {
            <div class="filter-row">
                <SelectFilter label=Msg::PgColStatus options selected=d.bind(FhFilters::status()) test_id="filter-status" />
            </div>
        }
        .into_any()
    };
    let list =
        List::new(url, "fh-applications", "fh-table", Msg::PgFhTable, move |f: FhFilters| paged(&api, f.to_request()))
            .form_id("fh-filters")
            .bar(bar)
            .columns(columns, |r: &FhApplication| r.application_id.clone())
            .empty(Msg::PgFhEmpty, Msg::PgEmptyFiltered)
            .total(crate::i18n::PgApplicationsTotal::of);
    view! {
        <p class="page-intro">{tr(Msg::PgFhIntro)}</p>
        <ListPage list=list />
    }
}
