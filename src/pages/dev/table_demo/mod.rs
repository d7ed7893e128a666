//! `/dev/table` (not in the navigation): the shared table over N generated client rows
//! (`?rows=100000`), for the table's end-to-end tests and the benchmark.
//!
//! Query parameters: `rows` (default 1000, at most 1,000,000), `mode=pages` (a pager instead
//! of virtual scrolling), `fail=1` (the first load fails, Retry succeeds), `empty=1` (no rows),
//! `restricted=1` (no rows, because of the role), `lock=1` (expired rows cannot be selected),
//! `prepared=1` (the rows are generated once and kept: later visits mount them at once, with
//! no simulated delay — what the benchmark times as "first rows", like AG Grid's pre-built
//! `rowData`).

use crate::components::filters::{SelectFilter, TextFilter};
use crate::components::table::{
    BulkAction, ClientSource, Column, DataTable, Empty, EmptyReason, Mask, Paging, Predicate, RowAction, Selected,
    SortKey, Source,
};
use crate::i18n::{tr, use_i18n, DevFlagged, DevOpened, Locale, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use partner_api::time::{parse_wire, Instant};
use partner_api::{Amount, ApiError};
use std::collections::HashSet;
use std::sync::Arc;

const MAX_ROWS: usize = 1_000_000;

thread_local! {
    /// Rows kept for `prepared=1` (generated outside the measured time).
    static PREPARED: std::cell::RefCell<Option<Arc<Vec<DemoRow>>>> = const { std::cell::RefCell::new(None) };
}

/// The prepared rows for `n`, generating (and keeping) them if needed.
fn prepared(n: usize) -> Arc<Vec<DemoRow>> {
    PREPARED.with_borrow_mut(|p| match p {
        Some(rows) if rows.len() == n => rows.clone(),
        _ => {
            let rows = Arc::new(generate(n));
            *p = Some(rows.clone());
            rows
        }
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub status: &'static str,
    pub amount: Amount,
    pub currency: &'static str,
    pub created: Instant,
    pub region: &'static str,
    pub flagged: bool,
}

const STATUSES: &[&str] = &["RUNNING", "STOPPED", "FROZEN", "EXPIRED"];
const REGIONS: &[&str] = &["cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1", "eu-west-101"];
const NAMES: &[&str] = &[
    "云杉数据",
    "Harbor Analytics",
    "北辰物流",
    "Summit Retail",
    "青禾教育",
    "Cobalt Payments",
    "星河游戏",
    "Granite Manufacturing",
];
/// Rows 1–6 carry values that must survive export: formula-like cells, quotes and commas, a
/// line break.
const SPECIAL_NAMES: &[&str] =
    &["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(1)", "Acme, \"Quoted\" Ltd.", "第一行\n第二行"];

fn status_msg(code: &str) -> Msg {
    match code {
        "RUNNING" => Msg::DevStatusRunning,
        "STOPPED" => Msg::DevStatusStopped,
        "FROZEN" => Msg::Frozen,
        _ => Msg::Expired,
    }
}

/// Deterministic rows (splitmix64 of the index).
pub fn generate(n: usize) -> Vec<DemoRow> {
    let base = parse_wire("2026-11-20T00:00:00Z").unwrap_or_default();
    (0..n)
        .map(|i| {
            let mut z = (i as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            let h = z ^ (z >> 31);
            let name = match i.checked_sub(1).and_then(|k| SPECIAL_NAMES.get(k)) {
                Some(s) => s.to_string(),
                None => format!("{} {:06}", NAMES[(h % NAMES.len() as u64) as usize], i),
            };
            DemoRow {
                id: format!("res-{i:08}-{:016x}", h),
                name,
                email: format!("user{i}@example.com"),
                phone: format!("1{}{:09}", 3 + (h >> 8) % 7, (h >> 16) % 1_000_000_000),
                status: STATUSES[((h >> 4) % STATUSES.len() as u64) as usize],
                amount: Amount::from_cents(((h >> 20) % 10_000_000) as i64),
                currency: if (h >> 40) % 10 == 0 { "USD" } else { "CNY" },
                created: base - chrono::Duration::seconds(((h >> 24) % (365 * 86_400)) as i64),
                region: REGIONS[((h >> 12) % REGIONS.len() as u64) as usize],
                flagged: false,
            }
        })
        .collect()
}

type C = Column<DemoRow>;

fn columns() -> Vec<Column<DemoRow>> {
    vec![
        C::text("id", Msg::ColResourceId, |r, _| r.id.clone()).sort("id").masked(Mask::Id).copyable().width(190),
        C::text("name", Msg::DevColName, |r, _| r.name.clone()).sort("name").width(200),
        C::text("status", Msg::Status, |r, l| status_msg(r.status).text(l).to_string())
            .sort("status")
            .view(|r, l| {
                let class = format!("tag tag-{}", r.status.to_ascii_lowercase());
                view! { <span class=class data-code=r.status>{status_msg(r.status).text(l)}</span> }.into_any()
            })
            .width(100),
        C::money("amount", Msg::Amount, |r| Some((r.amount, r.currency))).sort("amount").width(150),
        C::text("email", Msg::DevColEmail, |r, _| r.email.clone()).masked(Mask::Email).width(190),
        C::text("phone", Msg::DevColPhone, |r, _| r.phone.clone()).masked(Mask::Phone).width(150),
        C::date_time("created", Msg::ColCreated, |r| Some(r.created)).sort("created").width(150),
        C::text("region", Msg::ColRegion, |r, _| r.region.to_string()).sort("region").width(130),
        C::text("flag", Msg::DevFlag, |r, _| if r.flagged { "✓".to_string() } else { String::new() }).width(70),
    ]
}

/// With `?lock=1`, expired rows cannot be flagged.
fn expired_locked(r: &DemoRow) -> Option<Msg> {
    (r.status == "EXPIRED").then_some(Msg::DevExpiredLocked)
}

fn always_selectable(_: &DemoRow) -> Option<Msg> {
    None
}

fn simulated_failure() -> ApiError {
    ApiError {
        status: 503,
        code: "DEV.0503".into(),
        message: "simulated failure of the demo data source".into(),
        request_id: Some("dev-table-0001".into()),
    }
}

#[component]
pub fn TableDemoPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = |k: &str| query.with_untracked(|q| q.get(k)).unwrap_or_default();
    let n = param("rows").parse::<usize>().unwrap_or(1000).min(MAX_ROWS);
    let paging = if param("mode") == "pages" { Paging::Pages } else { Paging::Virtual };
    let restricted = param("restricted") == "1";
    let n = if param("empty") == "1" || restricted { 0 } else { n };
    let fail_first = StoredValue::new(param("fail") == "1");
    // `?lock=1`: expired rows cannot be selected (the shared unselectable-rows mechanism).
    let lock_expired = param("lock") == "1";

    // The "remote" data: generated, after a short delay, failing once when asked to; or the
    // prepared rows at once.
    let pre = param("prepared") == "1";
    let rows = RwSignal::new(if pre { prepared(n) } else { Arc::new(Vec::<DemoRow>::new()) });
    let loading = RwSignal::new(!pre);
    let error = RwSignal::new(None::<ApiError>);
    let reload = Callback::new(move |_| {
        loading.set(true);
        spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(100).await;
            if fail_first.try_get_value() == Some(true) {
                fail_first.set_value(false);
                error.try_set(Some(simulated_failure()));
            } else {
                // Same rows again (keeping flags), as a reload of the same data would.
                let Some(flagged) = rows.try_with_untracked(|r| {
                    r.iter().filter(|r| r.flagged).map(|r| r.id.clone()).collect::<HashSet<String>>()
                }) else {
                    return; // the page was left
                };
                let mut fresh = generate(n);
                fresh.iter_mut().for_each(|r| r.flagged = flagged.contains(&r.id));
                rows.try_set(Arc::new(fresh));
                error.try_set(None);
            }
            loading.try_set(false);
        });
    });
    if !pre {
        reload.run(());
    }

    // Filters: a draft in the bar, applied by Search.
    let keyword = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let applied = RwSignal::new((String::new(), String::new()));
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        applied.set((keyword.get_untracked().trim().to_lowercase(), status.get_untracked()));
    };
    let clear = Callback::new(move |_| {
        keyword.set(String::new());
        status.set(String::new());
        applied.set((String::new(), String::new()));
    });
    let statuses = Signal::derive(move || {
        let l: Locale = i18n.get();
        STATUSES.iter().map(|s| (s.to_string(), status_msg(s).text(l).to_string())).collect::<Vec<_>>()
    });

    let source = ClientSource::new(rows, paging, vec![SortKey { key: "id".into(), desc: false }])
        .filter(move || {
            let (kw, st) = applied.get();
            if kw.is_empty() && st.is_empty() {
                return None;
            }
            let p: Predicate<DemoRow> = Arc::new(move |r: &DemoRow| {
                (st.is_empty() || r.status == st)
                    && (kw.is_empty() || r.name.to_lowercase().contains(&kw) || r.email.contains(&kw))
            });
            Some(p)
        })
        .remote(loading.into(), error.into(), reload);

    let empty = Signal::derive(move || {
        if applied.with(|(k, s)| !k.is_empty() || !s.is_empty()) {
            Empty::new(EmptyReason::Filtered, Msg::DevEmptyFiltered).action(Msg::ClearFilters, clear)
        } else if restricted {
            Empty::new(EmptyReason::Restricted, Msg::DevEmptyRestricted)
        } else {
            Empty::new(EmptyReason::NoData, Msg::DevEmptyNone)
        }
    });

    // A bulk action that changes the rows, and a row action.
    let flagged_now = RwSignal::new(None::<usize>);
    let flag = BulkAction::new("flag", Msg::DevFlag, move |sel: Selected| {
        let keys: HashSet<String> = sel.keys.into_iter().collect();
        rows.update(|all| {
            let mut next = (**all).clone();
            next.iter_mut().filter(|r| keys.contains(&r.id)).for_each(|r| r.flagged = true);
            *all = Arc::new(next);
        });
        flagged_now.set(Some(keys.len()));
    });
    let opened = RwSignal::new(None::<String>);
    let open = RowAction::button("open", Msg::DevOpen, move |r: DemoRow| opened.set(Some(r.id)));

    view! {
        <section class="page" data-testid="page-dev-table">
            <h1 class="page-title">{tr(Msg::DevTableTitle)}</h1>
            <p class="page-intro">{tr(Msg::DevTableIntro)}</p>
            <form class="filter-bar card" data-testid="dev-filters" on:submit=search>
                <div class="filter-row">
                    <TextFilter label=Msg::DevFilterName placeholder=Msg::DevFilterNamePlaceholder value=keyword test_id="filter-keyword" />
                    <SelectFilter label=Msg::Status options=statuses selected=status test_id="filter-status" />
                </div>
                <div class="filter-actions">
                    <button class="button primary" type="submit" data-testid="filter-search">{tr(Msg::Search)}</button>
                    <button class="button" type="button" data-testid="filter-reset" on:click=move |_| clear.run(())>{tr(Msg::Reset)}</button>
                </div>
            </form>
            {move || flagged_now.get().map(|k| view! {
                <div class="notice notice-info" role="status" data-testid="bulk-result" data-count=k.to_string()>
                    {DevFlagged { n: &crate::format::count(k as u64) }.text(i18n.get())}
                </div>
            })}
            {move || opened.get().map(|id| view! {
                <div class="notice notice-info" role="status" data-testid="dev-opened" data-id=id.clone()>
                    {DevOpened { id: &id }.text(i18n.get())}
                </div>
            })}
            <div class="card table-card">
                <DataTable
                    id="dev-table"
                    test_id="dev-table"
                    label=Signal::derive(move || Msg::DevTableTitle.text(i18n.get()).to_string())
                    columns=columns()
                    source=Source::Client(source)
                    row_key=|r: &DemoRow| r.id.clone()
                    row_actions=vec![open]
                    bulk_actions=vec![flag]
                    empty=empty
                    unselectable=if lock_expired { expired_locked } else { always_selectable }
                />
            </div>
        </section>
    }
}
