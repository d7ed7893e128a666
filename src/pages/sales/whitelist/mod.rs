//! S5 Customer whitelist (客户白名单): the current version's entries, the version history with
//! any version's entries and roll back, and the import templates. Importing a new version is
//! its own page with steps ([`super::whitelist_import`]).

mod rollback;

use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::components::filters::TextFilter;
use crate::components::list_page::{Draft, FormIds, List, ListPage, ListUrl, Sizes, SIZES};
use crate::components::remote::use_remote;
use crate::components::table::{paged, Column, Mask};
use crate::components::whitelist_kit::{use_rights, TemplateButtons};
use crate::format;
use crate::i18n::{
    code_label, tr, use_i18n, CodeKind, CustomersTotal, Locale, Msg, WlNewVersion, WlSourceRollback, WlVersionsTotal,
    WlViewingVersion,
};
use crate::routes::{WHITELIST, WHITELIST_IMPORT};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use partner_api::whitelist::{source, EntriesQuery, Entry, Version, VersionsQuery};
use rollback::RollbackDialog;

fn source_label(v: &Version, l: Locale) -> String {
    match v.source.as_str() {
        source::INITIAL => Msg::WlSourceInitial.text(l).to_string(),
        source::ROLLBACK => WlSourceRollback { version: &v.rollback_of.unwrap_or_default() }.text(l),
        _ => Msg::WlSourceImport.text(l).to_string(),
    }
}

fn entry_columns() -> Vec<Column<Entry>> {
    type C = Column<Entry>;
    vec![
        C::text("customer", Msg::ColCustomer, |r, _| r.customer.clone()).width(220),
        C::text("account", Msg::Account, |r, _| r.account_name.clone()).masked(Mask::Sensitive).width(170),
        C::text("customer-id", Msg::CustomerId, |r, _| r.customer_id.clone()).width(280),
        C::text("association", Msg::WlColAssociation, |r, l| {
            code_label(CodeKind::AssociationType, &r.association_type, l)
        })
        .width(120)
        .hidden(),
        C::number("since", Msg::WlColSince, |r| Some(r.added_in_version as f64)).width(120),
        C::text("remark", Msg::Remark, |r, _| r.remark.clone().unwrap_or_default()).width(220),
    ]
}

crate::list_filters! {
    /// The whitelist page's URL: the entries' keyword, and what Reset keeps (the version in
    /// view, the tab, the version just committed).
    pub struct WhitelistFilters {
        pub keyword: String = "q",
        pub version: String = "version" [kept],
        pub tab: String = "tab" [kept],
        pub committed: String = "committed" [kept],
    }
}

/// The versions' page size.
const HISTORY_SIZES: Sizes = Sizes { sizes: SIZES.sizes, default: 10 };

/// A version's entries (the current one unless the URL names one), searched by the contract's
/// `keyword`, paged by the server; `refresh` reloads.
#[component]
fn EntriesTable(refresh: RwSignal<u64>) -> impl IntoView {
    let api = use_api();
    let url = ListUrl::<WhitelistFilters>::new(WHITELIST, SIZES, &[]);
    let load = move |f: WhitelistFilters| {
        refresh.track();
        let keyword = Some(f.keyword.trim().to_string()).filter(|k| !k.is_empty());
        paged(&api, EntriesQuery { version_no: f.version.parse().ok(), keyword, ..Default::default() })
    };
    let bar = |d: Draft<WhitelistFilters>| {
        view! {
            <div class="filter-row">
                <TextFilter label=Msg::FilterKeyword placeholder=Msg::WlKeywordPlaceholder value=d.bind(WhitelistFilters::keyword()) test_id="wl-keyword" />
            </div>
        }
        .into_any()
    };
    let list = List::new(url, "whitelist-entries", "wl-entries-table", Msg::CustomerWhitelist, load)
        .form(FormIds {
            form: "wl-search",
            class: "filter-bar wl-search",
            search: "wl-search-submit",
            reset: "wl-search-reset",
        })
        .bar(bar)
        .bare()
        .columns(entry_columns, |r: &Entry| r.customer_id.clone())
        .empty(Msg::WlEmpty, Msg::EmptyFiltered)
        .total(CustomersTotal::of);
    view! { <ListPage list=list /> }
}

/// The version history: no filters, its own page size.
#[component]
fn HistoryTable(refresh: RwSignal<u64>, current: Memo<u32>) -> impl IntoView {
    let api = use_api();
    let url = ListUrl::<WhitelistFilters>::new(WHITELIST, HISTORY_SIZES, &[]);
    let load = move |_: WhitelistFilters| {
        refresh.track();
        let _ = current.get();
        paged(&api, VersionsQuery::default())
    };
    let list = List::new(url, "whitelist-versions", "wl-versions-table", Msg::WlTabHistory, load)
        .bare()
        .columns(version_columns, |r: &Version| r.version_no.to_string())
        .empty(Msg::WlNoVersion, Msg::WlNoVersion)
        .total(WlVersionsTotal::of);
    view! { <ListPage list=list /> }
}

/// What the history table's action cells need.
#[derive(Clone, Copy)]
struct HistoryCtx {
    current: Memo<u32>,
    can_manage: Memo<bool>,
    rollback: RwSignal<Option<Version>>,
}

fn version_actions(v: &Version, l: Locale) -> AnyView {
    let ctx = use_context::<HistoryCtx>();
    let href = crate::routes::href(&format!("{WHITELIST}?version={}", v.version_no));
    let no = v.version_no;
    let rollback = ctx.and_then(|c| {
        (c.can_manage.get_untracked() && no != c.current.get_untracked()).then(|| {
            let v = v.clone();
            view! {
                <button class="link-button" type="button" data-testid="wl-rollback" data-version=no
                    on:click=move |_| c.rollback.set(Some(v.clone()))>
                    {Msg::WlRollback.text(l)}
                </button>
            }
        })
    });
    view! {
        <span class="row-links">
            <a href=href data-testid="wl-view-version" data-version=no>{Msg::WlViewEntries.text(l)}</a>
            {rollback}
        </span>
    }
    .into_any()
}

fn version_columns() -> Vec<Column<Version>> {
    type C = Column<Version>;
    vec![
        C::number("version", Msg::WlColVersion, |r| Some(r.version_no as f64))
            .view(|r, l| {
                let cur = use_context::<HistoryCtx>().is_some_and(|c| c.current.get_untracked() == r.version_no);
                view! {
                    <span data-testid="wl-version-no" data-version=r.version_no>
                        {format!("V{}", r.version_no)}
                        {cur.then(|| view! { <span class="tag tag-current">{Msg::WlCurrentTag.text(l)}</span> })}
                    </span>
                }
                .into_any()
            })
            .width(100),
        C::text("source", Msg::WlColSource, source_label).width(120),
        C::text("file", Msg::WlColFile, |r, _| r.file_name.clone().unwrap_or_default()).width(150),
        C::number("entries", Msg::CustomerCount, |r| Some(r.entry_count as f64)).width(96),
        C::number("added", Msg::WlAdded, |r| Some(r.added_count as f64)).width(76),
        C::number("removed", Msg::WlRemoved, |r| Some(r.removed_count as f64)).width(92),
        C::text("by", Msg::WlColBy, |r, _| format!("{} ({})", r.created_by_name, r.created_by)).width(130),
        C::date_time("time", Msg::WlColTime, |r| Some(r.create_time)).width(140),
        C::text("remark", Msg::Remark, |r, _| r.remark.clone().unwrap_or_default()).width(160).hidden(),
        C::text("actions", Msg::Actions, |_, _| String::new()).view(version_actions).width(176),
    ]
}

#[component]
pub fn WhitelistPage() -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let rights = use_rights();
    let query = use_query_map();
    let navigate = use_navigate();
    let tab_history = Memo::new(move |_| query.with(|q| q.get_str("tab") == Some("history")));
    let viewing = Memo::new(move |_| query.with(|q| q.get_str("version").and_then(|v| v.parse::<u32>().ok())));
    let committed = Memo::new(move |_| query.with(|q| q.get_str("committed").and_then(|v| v.parse::<u32>().ok())));
    let refresh = RwSignal::new(0u64);

    // The newest version is the current one (a roll back is a new version too).
    let summary = use_remote(move || {
        refresh.track();
        async move {
            let q = VersionsQuery { offset: Some(0), limit: Some(1) };
            api.call(&q).await
        }
    });
    let current = Memo::new(move |_| summary.data.with(|d| d.as_ref().map_or(0, |d| d.current_version_no)));
    let rollback = RwSignal::new(None::<Version>);
    let rolled = RwSignal::new(None::<u32>);
    provide_context(HistoryCtx { current, can_manage: rights.can_manage, rollback });

    let api_v = StoredValue::new(use_api());
    let go = Callback::new(move |q: &'static str| navigate(&format!("{WHITELIST}{q}"), Default::default()));
    let on_done = Callback::new(move |n: u32| {
        rollback.set(None);
        rolled.set(Some(n));
        refresh.update(|r| *r += 1);
        go.run("");
    });

    let facts = move || {
        summary.data.get().map(|d| {
            let l = i18n.get();
            match d.versions.first() {
                None => {
                    view! { <p class="muted" data-testid="wl-no-version">{Msg::WlNoVersion.text(l)}</p> }.into_any()
                }
                Some(v) => view! {
                    <dl data-testid="wl-current" data-version=d.current_version_no data-entries=v.entry_count>
                        <dt>{Msg::WlColVersion.text(l)}</dt>
                        <dd data-testid="wl-current-version">{format!("V{}", d.current_version_no)}</dd>
                        <dt>{Msg::CustomerCount.text(l)}</dt>
                        <dd data-testid="wl-current-count">{format::count(v.entry_count)}</dd>
                        <dt>{Msg::WlColBy.text(l)}</dt>
                        <dd>{format!("{} ({})", v.created_by_name, v.created_by)}</dd>
                        <dt>{Msg::WlColTime.text(l)}</dt>
                        <dd>{format::date_time(&v.create_time)}</dd>
                        <dt>{Msg::WlColSource.text(l)}</dt>
                        <dd>{source_label(v, l)}{v.file_name.clone().map(|f| format!(" · {f}"))}</dd>
                        <dt>{Msg::Remark.text(l)}</dt>
                        <dd>{v.remark.clone().unwrap_or_else(|| "—".into())}</dd>
                    </dl>
                }
                .into_any(),
            }
        })
    };

    view! {
        <section class="page" data-testid="page-whitelist">
            <div class="page-head">
                <div>
                    <h1 class="page-title">{tr(Msg::CustomerWhitelist)}</h1>
                    <p class="page-intro">{tr(Msg::WlIntro)}</p>
                </div>
                <div class="page-head-actions">
                    <TemplateButtons />
                    <Show when=move || rights.can_manage.get()>
                        <a class="button primary" href=crate::routes::href(WHITELIST_IMPORT) data-testid="wl-import">{tr(Msg::WlImport)}</a>
                    </Show>
                </div>
            </div>

                <Show when=move || !rights.can_manage.get()>
                    <div class="notice notice-info" data-testid="wl-read-only">{tr(Msg::WlReadOnly)}</div>
                </Show>
                {move || committed.get().or(rolled.get()).map(|n| view! {
                    <div class="notice notice-success" role="status" data-testid="wl-success" data-version=n>
                        {WlNewVersion { version: &n }.text(i18n.get())}
                    </div>
                })}
                {move || summary.error.get().map(|e| view! { <ErrorNotice error=e on_retry=Callback::new(move |_| summary.reload()) /> })}

                <div class="card facts" data-testid="wl-summary">
                    <h2 class="card-title">{tr(Msg::WlCurrentVersion)}</h2>
                    {facts}
                </div>

                <div class="tabs" role="tablist">
                    <button class="tab" role="tab" type="button" data-testid="wl-tab-current"
                        aria-selected=move || (!tab_history.get()).to_string()
                        on:click=move |_| go.run("")>
                        {tr(Msg::WlTabEntries)}
                    </button>
                    <button class="tab" role="tab" type="button" data-testid="wl-tab-history"
                        aria-selected=move || tab_history.get().to_string()
                        on:click=move |_| go.run("?tab=history")>
                        {tr(Msg::WlTabHistory)}
                    </button>
                </div>

                <Show when=move || !tab_history.get()>
                    {move || viewing.get().map(|v| {
                        view! {
                            <div class="notice notice-info viewing" data-testid="wl-viewing" data-version=v>
                                <span>{WlViewingVersion { version: &v }.text(i18n.get())}</span>
                                {move || (rights.can_manage.get() && v != current.get() && current.get() > 0).then(|| view! {
                                    <button class="button" type="button" data-testid="wl-rollback-viewing" on:click=move |_| {
                                        let api = api_v.get_value();
                                        spawn_local(async move {
                                            // The version's own counts, for the dialog's text.
                                            let q = VersionsQuery { offset: Some(0), limit: Some(100) };
                                            if let Ok(list) = api.call(&q).await {
                                                if let Some(ver) = list.versions.into_iter().find(|x| x.version_no == v) {
                                                    rollback.try_set(Some(ver));
                                                }
                                            }
                                        });
                                    }>{tr(Msg::WlRollback)}</button>
                                })}
                                <button class="link-button" type="button" data-testid="wl-back-current" on:click=move |_| go.run("")>{tr(Msg::WlBackToCurrent)}</button>
                            </div>
                        }
                    })}
                    <div class="card table-card">
                        <EntriesTable refresh=refresh />
                    </div>
                </Show>
                <Show when=move || tab_history.get()>
                    <div class="card table-card">
                        <HistoryTable refresh=refresh current=current />
                    </div>
                </Show>
                {move || rollback.get().map(|v| view! {
                    <RollbackDialog target=v current=current on_done=on_done refresh=refresh
                        on_close=Callback::new(move |_| rollback.set(None)) />
                })}
        </section>
    }
}
