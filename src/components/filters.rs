//! Filter-bar fields shared by list pages.

use crate::i18n::{code_label, use_i18n, CodeKind, Msg};
use leptos::prelude::*;
use partner_api::number_range::{parse_amount_range, End, RangeProblem};

/// A multi-select over enum codes, as a native disclosure with checkboxes (keyboard-friendly).
#[component]
pub fn CodeMultiSelect(
    label: Msg,
    kind: CodeKind,
    options: &'static [&'static str],
    selected: RwSignal<Vec<String>>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = move || {
        let l = i18n.get();
        selected.with(|s| match s.len() {
            0 => Msg::All.text(l).to_string(),
            1 => code_label(kind, &s[0], l),
            n => format!("{n} {}", Msg::NSelected.text(l)),
        })
    };
    view! {
        <div class="filter">
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <details class="multi-select" data-testid=test_id>
                <summary>{summary}</summary>
                <div class="multi-options" role="group">
                    {options.iter().map(|code| {
                        let code: &'static str = code;
                        view! {
                            <label class="checkbox">
                                <input
                                    type="checkbox"
                                    value=code
                                    prop:checked=move || selected.with(|s| s.iter().any(|c| c == code))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        selected.update(|s| {
                                            s.retain(|c| c != code);
                                            if on {
                                                s.push(code.to_string());
                                            }
                                        });
                                    }
                                />
                                {move || code_label(kind, code, i18n.get())}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </details>
        </div>
    }
}

/// A single choice from (value, label) options, with "All" as the empty value.
#[component]
pub fn SelectFilter(
    label: Msg,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    selected: RwSignal<String>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="filter">
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <select data-testid=test_id on:change=move |ev| selected.set(event_target_value(&ev))>
                <option value="" selected=move || selected.with(String::is_empty)>{move || Msg::All.text(i18n.get())}</option>
                {move || options.get().into_iter().map(|(v, l)| {
                    let is = v.clone();
                    view! { <option value=v selected=move || selected.with(|s| *s == is)>{l}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A free-text filter.
#[component]
pub fn TextFilter(
    label: Msg,
    placeholder: Msg,
    value: RwSignal<String>,
    test_id: &'static str,
    /// Most characters (default 64, the API's usual limit).
    #[prop(optional)]
    max_len: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="filter filter-wide">
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <input
                type="search"
                maxlength=max_len.unwrap_or(64)
                data-testid=test_id
                placeholder=move || placeholder.text(i18n.get())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// A local-date range (inclusive days); marks itself invalid when from > to.
#[component]
pub fn DateRangeFilter(
    label: Msg,
    from: RwSignal<String>,
    to: RwSignal<String>,
    #[prop(into)] invalid: Signal<bool>,
    test_id: &'static str,
    /// What is wrong when invalid (default: the start is after the end).
    #[prop(optional, into)]
    problem: Option<Signal<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = problem.unwrap_or_else(|| Signal::stored(Msg::DateRangeInvalid));
    view! {
        <div class="filter" class:field-invalid=move || invalid.get()>
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <div class="date-range">
                <input
                    type="date"
                    data-testid=format!("{test_id}-from")
                    class:invalid=move || invalid.get()
                    prop:value=move || from.get()
                    on:input=move |ev| from.set(event_target_value(&ev))
                />
                <span class="muted">{move || Msg::LastUpdateTo.text(i18n.get())}</span>
                <input
                    type="date"
                    data-testid=format!("{test_id}-to")
                    class:invalid=move || invalid.get()
                    prop:value=move || to.get()
                    on:input=move |ev| to.set(event_target_value(&ev))
                />
            </div>
            <Show when=move || invalid.get()>
                <div class="field-error" role="alert">{move || problem.get().text(i18n.get())}</div>
            </Show>
        </div>
    }
}

/// What is wrong with a typed number range, and which end to highlight (None: fine).
pub fn number_range_problem(min: &str, max: &str) -> Option<(Msg, Option<End>)> {
    parse_amount_range(min, max).err().map(|p| match p {
        RangeProblem::NotANumber(e) => (Msg::RangeNotANumber, Some(e)),
        RangeProblem::Negative(e) => (Msg::RangeNegative, Some(e)),
        RangeProblem::TooManyDecimals(e) => (Msg::RangeTooManyDecimals, Some(e)),
        RangeProblem::Reversed => (Msg::RangeReversed, None),
    })
}

/// A min/max number range (amounts: ≥ 0, two decimals at most). Checked as the person types;
/// the wrong end is highlighted with a message, and what was typed stays (the page does not
/// search while it is invalid: see [`number_range_problem`]).
#[component]
pub fn NumberRangeFilter(
    label: Msg,
    min: RwSignal<String>,
    max: RwSignal<String>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = Memo::new(move |_| number_range_problem(&min.get(), &max.get()));
    let bad = move |end: End| problem.with(|p| p.is_some_and(|(_, e)| e.is_none_or(|e| e == end)));
    let error_id = format!("{test_id}-error");
    let described = error_id.clone();
    let input = move |value: RwSignal<String>, end: End, suffix: &'static str, placeholder: Msg| {
        let described = described.clone();
        view! {
            <input
                type="text"
                inputmode="decimal"
                maxlength="16"
                autocomplete="off"
                data-testid=format!("{test_id}-{suffix}")
                class:invalid=move || bad(end)
                aria-invalid=move || bad(end).to_string()
                aria-describedby=move || bad(end).then(|| described.clone())
                aria-label=move || format!("{} {}", label.text(i18n.get()), placeholder.text(i18n.get()))
                placeholder=move || placeholder.text(i18n.get())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
    };
    view! {
        <div class="filter" class:field-invalid=move || problem.with(Option::is_some) data-testid=test_id>
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <div class="number-range">
                {input(min, End::Min, "min", Msg::RangeMin)}
                <span class="muted">{move || Msg::LastUpdateTo.text(i18n.get())}</span>
                {input(max, End::Max, "max", Msg::RangeMax)}
            </div>
            {move || problem.get().map(|(m, _)| view! {
                <div class="field-error" role="alert" id=error_id.clone()>{m.text(i18n.get())}</div>
            })}
        </div>
    }
}
