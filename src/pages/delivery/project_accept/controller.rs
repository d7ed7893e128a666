//! The acceptance application's controller: the submission state, the draft, the attachments
//! and every move between states. Uploads run in upload.rs, one file at a time.

use super::state::{Flow, Item, Refusal, Upload};
use crate::api::Api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::codes;
use partner_api::projects::attachments::{check_file, MAX_FILES};
use partner_api::projects::form::{check_draft, AcceptanceDraft, Bounds, Field, FieldProblem, Problem};
use partner_api::projects::{Project, SubmitAcceptanceRequest};
use partner_api::time::offset;
use partner_api::ErrorKind;

/// Goes to a URL of the app.
type Go = Box<dyn Fn(&str)>;

#[derive(Clone, Copy)]
pub struct Acceptance {
    pub flow: RwSignal<Flow>,
    pub draft: RwSignal<AcceptanceDraft>,
    pub problems: RwSignal<Vec<FieldProblem>>,
    pub items: RwSignal<Vec<Item>>,
    pub refused: RwSignal<Vec<Refusal>>,
    pub(super) api: StoredValue<Api, LocalStorage>,
    pub(super) project: StoredValue<Project>,
    /// The chosen files' bytes, by item key.
    pub(super) files: StoredValue<Vec<(u32, web_sys::File)>, LocalStorage>,
    pub(super) pumping: StoredValue<bool>,
    next_key: StoredValue<u32>,
    /// Reads the project again (after a lost answer or a refusal from its state).
    reread: Callback<()>,
    /// Goes to a URL of the app (after the submission).
    go: StoredValue<Go, LocalStorage>,
}

/// Today in UTC+8, the business day of the contract.
fn today() -> chrono::NaiveDate {
    let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    now.with_timezone(&offset(8 * 60)).date_naive()
}

impl Acceptance {
    pub fn new(api: Api, project: Project, reread: Callback<()>) -> Self {
        let navigate = leptos_router::hooks::use_navigate();
        let go: Go = Box::new(move |to: &str| navigate(to, Default::default()));
        Acceptance {
            flow: RwSignal::new(Flow::Editing),
            draft: RwSignal::new(AcceptanceDraft::default()),
            problems: RwSignal::new(Vec::new()),
            items: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            api: StoredValue::new_local(api),
            project: StoredValue::new(project),
            files: StoredValue::new_local(Vec::new()),
            pumping: StoredValue::new(false),
            next_key: StoredValue::new(1),
            reread,
            go: StoredValue::new_local(go),
        }
    }

    pub fn bounds(self) -> Bounds {
        self.project.with_value(|p| Bounds {
            registered_on: p.registered_time.with_timezone(&offset(8 * 60)).date_naive(),
            today: today(),
            contract_amount: p.contract_amount,
        })
    }

    /// Files chosen: each is checked (type, size, name, count) before a byte is sent; the
    /// accepted ones are queued.
    pub fn add_files(self, files: Vec<web_sys::File>) {
        let mut refused = Vec::new();
        for file in files {
            let (name, size) = (file.name(), file.size() as u64);
            if let Err(p) = check_file(&name, size) {
                refused.push(Refusal::File(name, p));
                continue;
            }
            if self.items.with_untracked(Vec::len) >= MAX_FILES {
                refused.push(Refusal::TooMany(name));
                continue;
            }
            let key = self.next_key.get_value();
            self.next_key.set_value(key + 1);
            self.files.update_value(|f| f.push((key, file)));
            self.items
                .update(|items| items.push(Item { key, name, size, upload: Upload::Queued { id: None, sent: 0 } }));
        }
        self.refused.set(refused);
        self.problems.update(|p| p.retain(|(f, _)| *f != Field::Attachments));
        self.pump();
    }

    /// The person edits a field: the draft changes and that field's problem is gone until the
    /// next submit checks it again.
    pub fn edit(self, field: Field, change: impl FnOnce(&mut AcceptanceDraft)) {
        self.draft.update(change);
        self.problems.update(|p| p.retain(|(f, _)| *f != field));
    }

    pub fn remove(self, key: u32) {
        self.items.update(|items| items.retain(|i| i.key != key));
        self.files.update_value(|f| f.retain(|(k, _)| *k != key));
    }

    /// A failed upload goes on from the chunk that failed, under the same upload.
    pub fn retry(self, key: u32) {
        self.items.update(|items| {
            if let Some(i) = items.iter_mut().find(|i| i.key == key) {
                if let Upload::Failed { id, sent, .. } = &i.upload {
                    i.upload = Upload::Queued { id: id.clone(), sent: *sent };
                }
            }
        });
        self.pump();
    }

    pub fn submit(self) {
        if self.flow.get_untracked().busy() {
            return;
        }
        let (ids, pending) = self.items.with_untracked(|items| {
            let ids: Vec<String> = items.iter().filter_map(|i| i.done_id().map(str::to_string)).collect();
            (ids, items.iter().any(|i| i.done_id().is_none()))
        });
        let body = match check_draft(&self.draft.get_untracked(), ids, pending, &self.bounds()) {
            Ok(b) => b,
            Err(found) => return self.problems.set(found),
        };
        self.problems.set(Vec::new());
        self.flow.set(Flow::Submitting);
        let request = SubmitAcceptanceRequest { project_id: self.project.with_value(|p| p.project_id.clone()), body };
        let api = self.api.get_value();
        spawn_local(async move {
            match api.call(&request).await {
                Ok(p) => {
                    let to = format!(
                        "{}?keyword={}&submitted={}",
                        crate::routes::DELIVERY_PROJECTS,
                        partner_api::query::encode_component(&p.project_id),
                        partner_api::query::encode_component(&p.project_id)
                    );
                    self.go.with_value(|go| go(&to));
                }
                Err(e) => {
                    if let Some(f) = e.parameter().and_then(Field::from_wire) {
                        self.problems.try_set(vec![(f, server_problem(f))]);
                    }
                    let lost = matches!(e.kind(), ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Server);
                    let stale = [codes::ACCEPTANCE_IN_REVIEW, codes::PROJECT_ACCEPTED, codes::PROJECT_NOT_REGISTERED]
                        .contains(&e.code.as_str());
                    if lost || stale {
                        self.reread.run(());
                    }
                    self.flow.try_set(if lost { Flow::Unsure(e) } else { Flow::Failed(e) });
                }
            }
        });
    }
}

/// The closest local reason for a field the server refused.
fn server_problem(f: Field) -> Problem {
    match f {
        Field::CompletionDate => Problem::NotADate,
        Field::Amount => Problem::AboveContract,
        Field::ContactPhone => Problem::BadPhone,
        Field::Attachments => Problem::AttachmentsPending,
        Field::ContactName | Field::Summary => Problem::Required,
    }
}
