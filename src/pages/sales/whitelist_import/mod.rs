//! S5 "导入新版本": a page with steps. 1 choose a CSV/XLSX file (read and checked in the
//! browser), 2 stage it and preview the diff with every row problem, 3 commit with a remark.
//! Nothing changes the whitelist until Commit; a failed step keeps the file and the preview.
//!
//! - `state.rs`: where the import stands (choosing → reading → refused / read → staged,
//!   with the upload and the commit inside), one enum;
//! - `controller.rs`: the moves between states and reading in the worker (`reader.rs`);
//! - `upload.rs`: the chunked upload, cancel and commit;
//! - step views: `steps.rs`, `choose.rs` (+ `refusal.rs`, `mapping.rs`), `problems.rs`,
//!   `preview.rs`.

mod choose;
mod controller;
mod mapping;
mod mapping_memory;
mod preview;
mod problems;
mod reader;
mod refusal;
mod state;
mod steps;
mod upload;

use crate::api::use_api;
use crate::components::whitelist_kit::TemplateButtons;
use crate::format;
use crate::i18n::{tr, use_i18n, Msg, WlImportIntro};
use crate::routes::WHITELIST;
use controller::Import;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use partner_api::whitelist::{MAX_FILE_BYTES, MAX_FILE_ROWS};
use refusal::megabytes;

#[component]
pub fn WhitelistImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let import = Import::new(use_api());
    let step = Memo::new(move |_| import.flow.with(state::Flow::step));
    let staged = Memo::new(move |_| import.flow.with(|f| f.staged().is_some()));
    let navigate = use_navigate();
    let nav_done = navigate.clone();
    let navigate_to = Callback::new(move |to: String| nav_done(&to, Default::default()));
    let cancel = Callback::new(move |_: ()| {
        import.cancel();
        navigate(WHITELIST, Default::default())
    });
    let whitelist_href = crate::routes::href(WHITELIST);

    view! {
        <section class="page" data-testid="page-whitelist-import">
            <a class="back-link" href=whitelist_href data-testid="wl-back">{tr(Msg::WlBackToWhitelist)}</a>
            <div class="page-head">
                <div>
                    <h1 class="page-title">{tr(Msg::WlImportTitle)}</h1>
                    <p class="page-intro">{move || WlImportIntro { rows: &format::count(MAX_FILE_ROWS as u64), size: &megabytes(MAX_FILE_BYTES) }.text(i18n.get())}</p>
                </div>
                <div class="page-head-actions"><TemplateButtons /></div>
            </div>
                <steps::Steps step=step.into() />
                <choose::ChooseCard import=import on_cancel=cancel />
                <problems::ProblemsCard import=import />
                <Show when=move || staged.get()>
                    <preview::PreviewCard import=import />
                    <preview::CommitCard import=import navigate=navigate_to on_cancel=cancel />
                </Show>
        </section>
    }
}
