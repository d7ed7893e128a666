//! Pagination under a table: total, "showing a–b of n", previous/next and page size.

use crate::i18n::{tr, use_i18n, Locale, Msg};
use leptos::prelude::*;
use partner_api::page::page_count;

#[component]
pub fn Pager(
    #[prop(into)] total: Signal<u64>,
    #[prop(into)] page: Signal<u64>,
    #[prop(into)] size: Signal<u32>,
    sizes: &'static [u32],
    on_page: Callback<u64>,
    on_size: Callback<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || page_count(total.get(), size.get());
    let summary = move || {
        let (t, p, s) = (total.get(), page.get(), size.get() as u64);
        let first = if t == 0 { 0 } else { (p - 1) * s + 1 };
        let last = (p * s).min(t);
        let (t, first, last) = (crate::format::count(t), crate::format::count(first), crate::format::count(last));
        match (i18n.get(), total.get()) {
            (Locale::ZhCn, 0) => "共 0 条".to_string(),
            (Locale::En, 0) => "No rows".to_string(),
            (Locale::ZhCn, _) => format!("共 {t} 条,显示第 {first}–{last} 条"),
            (Locale::En, _) => format!("Showing {first}–{last} of {t}"),
        }
    };
    view! {
        <div class="pager" data-testid="pager">
            <span class="pager-summary" data-testid="pager-summary">{summary}</span>
            <label class="pager-size">
                {tr(Msg::PageSize)}
                <select
                    data-testid="page-size"
                    on:change=move |ev| {
                        if let Ok(s) = event_target_value(&ev).parse() {
                            on_size.run(s);
                        }
                    }
                >
                    {sizes.iter().map(|s| view! {
                        <option value=s.to_string() selected=move || size.get() == *s>{s.to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <button
                class="button"
                data-testid="page-prev"
                aria-label=tr(Msg::PrevPage)
                disabled=move || { page.get() <= 1 }
                on:click=move |_| on_page.run(page.get_untracked().saturating_sub(1).max(1))
            >"‹"</button>
            <span class="pager-pages" data-testid="page-current">{move || format!("{} / {}", page.get(), crate::format::count(pages()))}</span>
            <button
                class="button"
                data-testid="page-next"
                aria-label=tr(Msg::NextPage)
                disabled=move || { page.get() >= pages() }
                on:click=move |_| on_page.run(page.get_untracked() + 1)
            >"›"</button>
        </div>
    }
}
