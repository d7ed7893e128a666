//! Pagination under a table: total, "showing a–b of n", first/previous/next/last, a page
//! number to go to (Enter or leaving the field; out-of-range numbers clamp to the pages there
//! are: `partner_api::page::typed_page`) and page size.

use crate::i18n::{tr, use_i18n, Locale, Msg, PageNumberOf};
use leptos::html::Input;
use leptos::prelude::*;
use partner_api::page::{page_count, typed_page};

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
    let go = move |p: u64| {
        if p != page.get_untracked() {
            on_page.run(p);
        }
    };
    // The page number field shows the current page; a typed number goes there (clamped), and
    // anything else puts the current page back.
    let input = NodeRef::<Input>::new();
    let jump = move || {
        let Some(el) = input.get_untracked() else { return };
        match typed_page(&el.value(), pages()) {
            Some(p) => {
                el.set_value(&p.to_string());
                go(p);
            }
            None => el.set_value(&page.get_untracked().to_string()),
        }
    };
    let number_label = move || PageNumberOf { pages: &crate::format::count(pages()) }.text(i18n.get());
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
                data-testid="page-first"
                aria-label=tr(Msg::FirstPage)
                title=tr(Msg::FirstPage)
                disabled=move || { page.get() <= 1 }
                on:click=move |_| go(1)
            >"«"</button>
            <button
                class="button"
                data-testid="page-prev"
                aria-label=tr(Msg::PrevPage)
                title=tr(Msg::PrevPage)
                disabled=move || { page.get() <= 1 }
                on:click=move |_| go(page.get_untracked().saturating_sub(1).max(1))
            >"‹"</button>
            <span class="pager-pages" data-testid="page-current">{move || format!("{} / {}", page.get(), crate::format::count(pages()))}</span>
            <button
                class="button"
                data-testid="page-next"
                aria-label=tr(Msg::NextPage)
                title=tr(Msg::NextPage)
                disabled=move || { page.get() >= pages() }
                on:click=move |_| go((page.get_untracked() + 1).min(pages()))
            >"›"</button>
            <button
                class="button"
                data-testid="page-last"
                aria-label=tr(Msg::LastPage)
                title=tr(Msg::LastPage)
                disabled=move || { page.get() >= pages() }
                on:click=move |_| go(pages())
            >"»"</button>
            <label class="pager-jump">
                {tr(Msg::GoToPage)}
                <input
                    class="input pager-input"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    data-testid="page-input"
                    node_ref=input
                    aria-label=number_label
                    prop:value=move || page.get().to_string()
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            jump();
                        }
                    }
                    on:blur=move |_| jump()
                />
            </label>
        </div>
    }
}
