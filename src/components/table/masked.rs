//! X6 masked cells: long or sensitive values (ids, account names, phone numbers, e-mail
//! addresses) are shown masked or shortened until the eye button next to them is pressed; an
//! eye in the column header reveals or hides the whole column. ID cells get a copy button
//! (navigator.clipboard) that says when it copied. Nothing here is stored: a reload masks again.

use super::icons;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// How a value is masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mask {
    /// Long identifiers: shortened to the head and tail (`a1b2c3…9f0e`).
    Id,
    /// Names and other sensitive text: the ends only (`ve***21`).
    Sensitive,
    /// `a***@example.com`
    Email,
    /// `138****5678`
    Phone,
}

impl Mask {
    /// Whether the masked form hides personal data (names, e-mail, phone) rather than only
    /// shortening a long identifier. Exports write such values masked unless the person asks
    /// for full values; identifiers are always exported whole (they are what files are
    /// reconciled by).
    pub fn hides_personal_data(self) -> bool {
        !matches!(self, Mask::Id)
    }
}

fn head_tail(chars: &[char], head: usize, tail: usize, filler: &str) -> String {
    let mut s: String = chars[..head].iter().collect();
    s.push_str(filler);
    s.extend(&chars[chars.len() - tail..]);
    s
}

/// The masked form of a value (characters, not bytes, so CJK is safe).
pub fn mask(kind: Mask, value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    match kind {
        Mask::Id if n > 12 => head_tail(&chars, 6, 4, "…"),
        Mask::Id => value.to_string(),
        Mask::Email => match value.split_once('@') {
            Some((local, domain)) if !local.is_empty() => {
                let first: String = local.chars().take(1).collect();
                format!("{first}***@{domain}")
            }
            _ => mask(Mask::Sensitive, value),
        },
        Mask::Phone => {
            let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
            if digits >= 8 && n >= 8 {
                head_tail(&chars, 3, 4, "****")
            } else {
                mask(Mask::Sensitive, value)
            }
        }
        Mask::Sensitive => match n {
            0 => String::new(),
            1..=3 => head_tail(&chars, 1, 0, "**"),
            4..=6 => head_tail(&chars, 1, 1, "***"),
            _ => head_tail(&chars, 2, 2, "***"),
        },
    }
}

/// Which masked values are shown in full: whole columns (header eye), and single cells that
/// differ from their column.
#[derive(Clone, Copy)]
pub struct Reveal {
    cols: RwSignal<HashSet<&'static str>>,
    cells: RwSignal<HashMap<(String, &'static str), bool>>,
}

impl Reveal {
    pub fn new() -> Self {
        Reveal { cols: RwSignal::new(HashSet::new()), cells: RwSignal::new(HashMap::new()) }
    }

    pub fn column(&self, col: &'static str) -> bool {
        self.cols.with(|c| c.contains(col))
    }

    /// Shows or hides a whole column; single-cell choices in it are forgotten.
    pub fn toggle_column(&self, col: &'static str) {
        self.cols.update(|c| {
            if !c.remove(col) {
                c.insert(col);
            }
        });
        self.cells.update(|m| m.retain(|(_, c), _| *c != col));
    }

    pub fn cell(&self, key: &str, col: &'static str) -> bool {
        let own = self.cells.with(|m| m.get(&(key.to_string(), col)).copied());
        own.unwrap_or_else(|| self.column(col))
    }

    pub fn toggle_cell(&self, key: &str, col: &'static str) {
        let now = self.cell(key, col);
        self.cells.update(|m| {
            m.insert((key.to_string(), col), !now);
        });
    }
}

/// A masked value with its eye button (and a copy button when asked).
#[component]
pub fn MaskedCell(
    value: String,
    mask: Mask,
    copy: bool,
    col: &'static str,
    row_key: String,
    reveal: Reveal,
) -> impl IntoView {
    let i18n = use_i18n();
    let masked = self::mask(mask, &value);
    let differs = masked != value;
    let key = StoredValue::new(row_key);
    let full = StoredValue::new(value);
    let shown = move || key.with_value(|k| reveal.cell(k, col));
    let eye_label = move || if shown() { Msg::HideValue } else { Msg::ShowValue }.text(i18n.get());
    view! {
        <span class="masked-cell">
            <span
                class="masked-value"
                data-testid="masked-value"
                data-revealed=move || shown().to_string()
            >
                {move || if shown() { full.get_value() } else { masked.clone() }}
            </span>
            {differs.then(|| view! {
                <button
                    type="button"
                    class="icon-button"
                    data-testid="cell-eye"
                    tabindex="-1"
                    aria-pressed=move || shown().to_string()
                    aria-label=eye_label
                    title=eye_label
                    on:click=move |_| key.with_value(|k| reveal.toggle_cell(k, col))
                >
                    {move || if shown() { icons::eye_off() } else { icons::eye() }}
                </button>
            })}
            {copy.then(|| view! { <CopyButton value=full.get_value() /> })}
        </span>
    }
}

/// Copies a value to the clipboard and says so for a moment.
#[component]
pub fn CopyButton(value: String) -> impl IntoView {
    let i18n = use_i18n();
    // 0 idle, 1 copied, 2 failed
    let state = RwSignal::new(0u8);
    let value = StoredValue::new(value);
    let copy = move |_| {
        let text = value.get_value();
        leptos::task::spawn_local(async move {
            let ok = match write_clipboard(&text) {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            };
            state.try_set(if ok { 1 } else { 2 });
            set_timeout(
                move || {
                    state.try_set(0);
                },
                Duration::from_millis(1500),
            );
        });
    };
    let label = move || {
        match state.get() {
            1 => Msg::Copied,
            2 => Msg::CopyFailed,
            _ => Msg::Copy,
        }
        .text(i18n.get())
    };
    view! {
        <button
            type="button"
            class="icon-button copy-button"
            class:copied=move || state.get() == 1
            data-testid="cell-copy"
            tabindex="-1"
            data-copied=move || (state.get() == 1).to_string()
            aria-label=label
            title=label
            on:click=copy
        >
            {move || if state.get() == 1 { icons::check() } else { icons::copy() }}
        </button>
        <span class="copy-status" role="status" aria-live="polite">
            {move || (state.get() != 0).then(label)}
        </span>
    }
}

/// `navigator.clipboard.writeText(text)` (absent outside secure contexts).
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::{JsCast, JsValue};
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
    let write: js_sys::Function = write.dyn_into().ok()?;
    write.call1(&clipboard, &JsValue::from_str(text)).ok()?.dyn_into().ok()
}

/// The header eye: reveals or hides every masked value of a column.
#[component]
pub fn ColumnEye(col: &'static str, reveal: Reveal) -> impl IntoView {
    let i18n = use_i18n();
    let on = move || reveal.column(col);
    let label = move || if on() { Msg::HideColumnValues } else { Msg::ShowColumnValues }.text(i18n.get());
    view! {
        <button
            type="button"
            class="icon-button column-eye"
            data-testid=format!("col-eye-{col}")
            tabindex="-1"
            aria-pressed=move || on().to_string()
            aria-label=label
            title=label
            on:click=move |_| reveal.toggle_column(col)
        >
            {move || if on() { icons::eye_off() } else { icons::eye() }}
        </button>
    }
}

/// A masked value outside a table (detail pages, dialogs, chosen lists): the same mask and eye
/// as in the lists, so what a list masks is not shown in full one click away.
#[component]
pub fn MaskedText(value: String, mask: Mask) -> impl IntoView {
    if value.is_empty() {
        return view! { <span class="muted">"—"</span> }.into_any();
    }
    let reveal = Reveal::new();
    view! { <MaskedCell value=value mask=mask copy=false col="value" row_key=String::new() reveal=reveal /> }.into_any()
}
