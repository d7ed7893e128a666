//! S12 is for 严选 (KooGallery selected) partners. The gate reads the selection once and shows
//! the page to a selected partner, with since when; anyone else is told why the page is not
//! theirs (not selected yet, international site, service partner) and whom to ask, instead of
//! a list of 403 errors.

use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::format;
use crate::i18n::{tr, use_i18n, KgContact, KgSelectedSince, Msg};
use leptos::prelude::*;
use partner_api::koogallery::{reason, Selection, SelectionRequest};

#[component]
pub fn KooGalleryGate(children: ChildrenFn) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let remote = use_remote(move || async move { api.call(&SelectionRequest).await });
    let children = StoredValue::new(children);
    move || {
        if let Some(error) = remote.error.get() {
            return view! { <ErrorNotice error on_retry=Callback::new(move |_| remote.reload()) /> }.into_any();
        }
        match remote.data.get() {
            None => view! {
                <p class="muted" role="status" data-testid="koogallery-loading">{tr(Msg::KgLoadingSelection)}</p>
            }
            .into_any(),
            Some(Selection { selected: true, since, .. }) => {
                let since = since.map(|d| KgSelectedSince { date: &format::date(&d) }.text(i18n.get()));
                view! {
                    {since.map(|s| view! { <p class="muted koogallery-since" data-testid="koogallery-since">{s}</p> })}
                    {children.with_value(|c| c())}
                }
                .into_any()
            }
            Some(s) => view! { <NotSelected selection=s /> }.into_any(),
        }
    }
}

#[component]
fn NotSelected(selection: Selection) -> impl IntoView {
    let i18n = use_i18n();
    let why = selection.reason_code.clone().unwrap_or_else(|| reason::NOT_SELECTED.into());
    let why_text = match why.as_str() {
        reason::INTL_SITE => Msg::KgWhyIntl,
        reason::SERVICE_PARTNER => Msg::KgWhyService,
        _ => Msg::KgWhyNotSelected,
    };
    let contact = selection.contact.clone();
    let ask = move || match &contact {
        Some(c) => KgContact { name: &c.name, email: &c.email }.text(i18n.get()),
        None => Msg::KgNoContact.text(i18n.get()).to_string(),
    };
    view! {
        <div class="card prerequisite" data-testid="koogallery-not-selected" data-reason=why>
            <h2 class="card-title">{tr(Msg::KgNotSelectedTitle)}</h2>
            <p data-testid="koogallery-why">{tr(why_text)}</p>
            <p data-testid="koogallery-contact">{ask}</p>
        </div>
    }
}
