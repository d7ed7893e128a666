//! Filter-bar fields shared by list pages. Each edits a [`Bind`]: a field of a list page's
//! draft (`draft.bind(Filters::field())`) or any signal.

use crate::components::date_input::DateInput;
use crate::components::list_page::Bind;
use crate::i18n::{code_label, use_i18n, CodeKind, Msg};
use leptos::prelude::*;
use partner_api::number_range::{parse_amount_range, End, RangeProblem};

/// A multi-select over enum codes, as a native disclosure with checkboxes (keyboard-friendly).
/// Open, it closes on Esc (focus back on its button), on a press outside it (Search, Reset, the
/// table) and when its form is sent (Enter in a field), so it never stays over the table.
#[component]
pub fn CodeMultiSelect(
    label: Msg,
    kind: CodeKind,
    options: &'static [&'static str],
    #[prop(into)] selected: Bind<Vec<String>>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = move || {
        let l = i18n.get();
        selected.get.with(|s| match s.len() {
            0 => Msg::All.text(l).to_string(),
            1 => code_label(kind, &s[0], l),
            n => crate::i18n::SelectedCount { n: &crate::format::count(n as u64) }.text(l),
        })
    };
    let details = NodeRef::<leptos::html::Details>::new();
    let button = NodeRef::<leptos::html::Summary>::new();
    // Closes it if open; true if it was.
    let close = move || {
        let Some(d) = details.get_untracked() else { return false };
        let open = d.has_attribute("open");
        if open {
            let _ = d.remove_attribute("open");
        }
        open
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && close() {
            // Handled here: an enclosing dialog stays open.
            ev.prevent_default();
            ev.stop_propagation();
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = details.get_untracked().is_some_and(|d| {
            let target = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
            d.contains(target.as_ref())
        });
        if !inside {
            close();
        }
    });
    let sent = window_event_listener(leptos::ev::submit, move |_| {
        close();
    });
    on_cleanup(move || {
        outside.remove();
        sent.remove();
    });
    view! {
        <div class="filter">
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <details class="multi-select" data-testid=test_id node_ref=details on:keydown=on_key>
                <summary node_ref=button>{summary}</summary>
                <div class="multi-options" role="group">
                    {options.iter().map(|code| {
                        let code: &'static str = code;
                        view! {
                            <label class="checkbox">
                                <input
                                    type="checkbox"
                                    value=code
                                    prop:checked=move || selected.get.with(|s| s.iter().any(|c| c == code))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let mut s = selected.get.get_untracked();
                                        s.retain(|c| c != code);
                                        if on {
                                            s.push(code.to_string());
                                        }
                                        selected.set.run(s);
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
    #[prop(into)] selected: Bind<String>,
    test_id: &'static str,
    /// Greyed out while this holds (a filter that does not apply).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The empty value's label when it does not mean "all" (default `Msg::All`), e.g. a list
    /// that without a reseller shows only the partner's own customers' rows.
    #[prop(optional)]
    all_label: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let all_label = all_label.unwrap_or(Msg::All);
    let selected_is = move |v: &str| selected.get.with(|s| s == v);
    view! {
        <label class="filter">
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <select data-testid=test_id disabled=move || disabled.get() prop:value=move || selected.get.get() on:change=move |ev| selected.set.run(event_target_value(&ev))>
                <option value="" selected=move || selected_is("")>{move || all_label.text(i18n.get())}</option>
                {move || options.get().into_iter().map(|(v, l)| {
                    let is = v.clone();
                    view! { <option value=v selected=move || selected_is(&is)>{l}</option> }
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
    #[prop(into)] value: Bind<String>,
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
                prop:value=move || value.get.get()
                on:input=move |ev| value.set.run(event_target_value(&ev))
            />
        </label>
    }
}

/// What is wrong with a range of local dates `YYYY-MM-DD` (inclusive): the start after the
/// end, or (with `max_days`) longer than the API allows. Empty ends are fine.
pub fn date_range_problem(from: &str, to: &str, max_days: Option<i64>) -> Option<Msg> {
    use partner_api::day_input::{is_bad_day, parse_day as parse};
    if is_bad_day(from) || is_bad_day(to) {
        return Some(Msg::DateNotADay);
    }
    match (parse(from), parse(to)) {
        (Some(f), Some(t)) if f > t => Some(Msg::DateRangeInvalid),
        (Some(f), Some(t)) if max_days.is_some_and(|m| (t - f).num_days() >= m) => Some(Msg::DateRangeTooLong),
        _ => None,
    }
}

/// A local-date range (inclusive days), highlighted with the message while `problem` holds one.
#[component]
pub fn DateRangeFilter(
    label: Msg,
    #[prop(into)] from: Bind<String>,
    #[prop(into)] to: Bind<String>,
    #[prop(into)] problem: Signal<Option<Msg>>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = move || problem.with(Option::is_some);
    view! {
        <div class="filter" class:field-invalid=invalid>
            <span class="filter-label">{move || label.text(i18n.get())}</span>
            <div class="date-range">
                <DateInput value=from invalid=Signal::derive(invalid) test_id=format!("{test_id}-from")
                    label=Signal::derive(move || format!("{} ({})", label.text(i18n.get()), Msg::DateFrom.text(i18n.get()))) />
                <span class="muted">{move || Msg::LastUpdateTo.text(i18n.get())}</span>
                <DateInput value=to invalid=Signal::derive(invalid) test_id=format!("{test_id}-to")
                    label=Signal::derive(move || format!("{} ({})", label.text(i18n.get()), Msg::DateTo.text(i18n.get()))) />
            </div>
            {move || problem.get().map(|m| view! { <div class="field-error" role="alert">{m.text(i18n.get())}</div> })}
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
    #[prop(into)] min: Bind<String>,
    #[prop(into)] max: Bind<String>,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = Memo::new(move |_| number_range_problem(&min.get.get(), &max.get.get()));
    let bad = move |end: End| problem.with(|p| p.is_some_and(|(_, e)| e.is_none_or(|e| e == end)));
    let error_id = format!("{test_id}-error");
    let described = error_id.clone();
    let input = move |value: Bind<String>, end: End, suffix: &'static str, placeholder: Msg| {
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
                prop:value=move || value.get.get()
                on:input=move |ev| value.set.run(event_target_value(&ev))
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

/// The signed-in distributor's resellers as (id, name) options (empty until the profile is in).
pub fn use_resellers() -> Signal<Vec<(String, String)>> {
    let auth = crate::api::use_auth();
    Signal::derive(move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map(|p| p.indirect_partners.iter().map(|r| (r.indirect_partner_id.clone(), r.name.clone())).collect())
                .unwrap_or_default()
        })
    })
}
