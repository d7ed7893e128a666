//! The chosen customers (chips) and the "Add customers" dialog: whitelisted customers only,
//! with keyword search and paging; the selection holds across pages.

use super::draft::Chosen;
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::remote::use_remote;
use crate::components::table::masked::{mask, MaskedText};
use crate::components::table::Mask;
use crate::i18n::{tr, use_i18n, Msg, TableTotal};
use leptos::prelude::*;
use partner_api::whitelist::{EntriesQuery, Entry};

const DIALOG_PAGE: i64 = 10;

#[component]
pub fn ChosenList(customers: RwSignal<Vec<Chosen>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="chosen" data-testid="chosen-customers" data-count=move || customers.with(Vec::len).to_string()>
            {move || {
                let l = i18n.get();
                let list = customers.get();
                if list.is_empty() {
                    return view! { <span class="muted">{Msg::VoNoCustomers.text(l)}</span> }.into_any();
                }
                view! {
                    <ul class="chip-list">
                        {list.into_iter().map(|c| {
                            let id = c.id.clone();
                            view! {
                                <li class="chip" data-testid="chosen" data-customer=c.id.clone()>
                                    <span>{format!("{} · {}", c.name, mask(Mask::Sensitive, &c.account))}</span>
                                    <button class="icon-button" type="button" aria-label=Msg::VoRemove.text(l) on:click=move |_| customers.update(|v| v.retain(|x| x.id != id))>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// Whitelisted customers only, with keyword search and paging; the selection holds across pages.
#[component]
pub fn AddCustomersDialog(open: RwSignal<bool>, customers: RwSignal<Vec<Chosen>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let keyword = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let page = RwSignal::new(0i64);
    let picked = RwSignal::new(customers.get_untracked());
    let entries = use_remote(move || {
        let kw = applied.get();
        let offset = page.get() * DIALOG_PAGE;
        async move {
            let q = EntriesQuery {
                keyword: Some(kw).filter(|k| !k.is_empty()),
                offset: Some(offset),
                limit: Some(DIALOG_PAGE),
                ..Default::default()
            };
            api.call(&q).await
        }
    });
    let toggle = move |e: &Entry, on: bool| {
        let c = Chosen { id: e.customer_id.clone(), account: e.account_name.clone(), name: e.customer.clone() };
        picked.update(|p| {
            p.retain(|x| x.id != c.id);
            if on {
                p.push(c);
            }
        });
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog dialog-wide" role="dialog" aria-modal="true" aria-labelledby="add-customers-title" data-testid="add-customers-dialog">
                <h2 id="add-customers-title">{tr(Msg::VoAddCustomers)}</h2>
                <p class="muted">{tr(Msg::VoWhitelistOnly)}</p>
                <form class="form-actions" on:submit=move |ev| { ev.prevent_default(); page.set(0); applied.set(keyword.get_untracked().trim().to_string()); }>
                    <input type="search" data-testid="dialog-keyword" placeholder=move || Msg::FilterKeywordPlaceholder.text(i18n.get()) prop:value=keyword on:input=move |ev| keyword.set(event_target_value(&ev)) />
                    <button class="button" type="submit" data-testid="dialog-search">{tr(Msg::Search)}</button>
                </form>
                {move || entries.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| entries.reload()) /> })}
                <table class="plain-table" data-testid="dialog-entries" aria-busy=move || entries.loading.get().to_string()>
                    <thead><tr><th></th><th>{tr(Msg::ColCustomer)}</th><th>{tr(Msg::Account)}</th><th>{tr(Msg::CustomerId)}</th></tr></thead>
                    <tbody>
                        {move || entries.data.get().map(|d| d.entries.into_iter().map(|e| {
                            let id = e.customer_id.clone();
                            let e2 = e.clone();
                            view! {
                                <tr data-testid="dialog-entry" data-customer=e.customer_id.clone() data-account=e.account_name.clone()>
                                    <td><input type="checkbox" aria-label=Msg::SelectRow.text(i18n.locale.get_untracked())
                                        prop:checked=move || picked.with(|p| p.iter().any(|x| x.id == id))
                                        on:change=move |ev| toggle(&e2, event_target_checked(&ev)) /></td>
                                    <td>{e.customer.clone()}</td>
                                    <td><MaskedText value=e.account_name.clone() mask=Mask::Sensitive /></td>
                                    <td class="muted">{e.customer_id.clone()}</td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
                <div class="pager">
                    {move || {
                        let total = entries.data.with(|d| d.as_ref().map(|d| d.total_count).unwrap_or(0));
                        let pages = total.div_ceil(DIALOG_PAGE as u64).max(1);
                        let l = i18n.get();
                        view! {
                            <span class="pager-summary" data-testid="dialog-total">{TableTotal { n: &total }.text(l)}</span>
                            <button class="button" type="button" data-testid="dialog-prev" disabled=move || { page.get() == 0 } on:click=move |_| page.update(|p| *p -= 1)>{Msg::PrevPage.text(l)}</button>
                            <span>{move || format!("{} / {pages}", page.get() + 1)}</span>
                            <button class="button" type="button" data-testid="dialog-next" disabled=move || { (page.get() + 1) as u64 >= pages } on:click=move |_| page.update(|p| *p += 1)>{Msg::NextPage.text(l)}</button>
                        }
                    }}
                </div>
                <div class="form-actions">
                    <button class="button primary" type="button" data-testid="dialog-confirm" on:click=move |_| { customers.set(picked.get_untracked()); open.set(false); }>
                        {move || format!("{} ({})", Msg::VoConfirmAdd.text(i18n.get()), picked.with(Vec::len))}
                    </button>
                    <button class="button" type="button" data-testid="dialog-cancel" data-dialog-cancel on:click=move |_| open.set(false)>{tr(Msg::Cancel)}</button>
                </div>
            </div>
        </div>
    }
}
