//! D1 delivery projects: role visibility, the 报备成功 filter, strict requests, attachment
//! uploads (limits, order, resends, an injected fault mid-way), the acceptance application and
//! every review move.

mod common;

use axum::http::StatusCode;
use common::{env, Env, DIST, SERVICE};
use partner_api::codes;
use partner_api::projects::attachments::{base64_encode, CHUNK_BYTES, MAX_FILE_BYTES};
use serde_json::{json, Value};

const LIST: &str = "/v2/partners/delivery/projects";
const OPEN: &str = "/v2/partners/delivery/attachments";
const REVIEW: &str = "/__sandbox/project-review";

fn chunks_of(id: &str) -> String {
    format!("{OPEN}/{id}/chunks")
}

fn acceptance(attachments: &[&str]) -> Value {
    json!({
        "completion_date": "2026-10-31", "acceptance_amount": 118000.50,
        "contact_name": "郑浩", "contact_phone": "13800138000",
        "summary": "迁移完成,客户已签署验收报告。", "attachment_ids": attachments
    })
}

impl Env {
    async fn projects(&self, token: &str, query: &str) -> Value {
        self.get(&format!("{LIST}?limit=100{query}"), token).await.ok().json
    }

    async fn project_named(&self, token: &str, name: &str) -> Value {
        let r = self.projects(token, "").await;
        r["projects"].as_array().unwrap().iter().find(|p| p["project_name"] == name).cloned().unwrap()
    }

    /// Opens and sends a whole file of `size` bytes; answers its id.
    async fn upload(&self, token: &str, project: &str, name: &str, size: u64) -> String {
        let up = self.post(OPEN, token, json!({"project_id": project, "file_name": name, "size": size})).await.ok();
        let id = up["attachment_id"].as_str().unwrap().to_string();
        let n = up["chunk_count"].as_u64().unwrap();
        for i in 0..n {
            let len = (size - i * CHUNK_BYTES).min(CHUNK_BYTES) as usize;
            let r =
                self.post(&chunks_of(&id), token, json!({"index": i, "data": base64_encode(&vec![7u8; len])})).await;
            assert_eq!(r.ok()["received_chunks"], i + 1);
        }
        id
    }
}

const ERP: &str = "华东制造集团ERP上云迁移";

#[tokio::test]
async fn each_role_sees_its_own_projects() {
    let e = env();
    for (user, all, registered) in [("admin", 11, 4), ("sun.li", 9, 3), ("mike.zhou", 5, 2), ("he.jing", 4, 1)] {
        let t = e.token(SERVICE, user).await;
        assert_eq!(e.projects(&t, "").await["total_count"], all, "{user}");
        let r = e.projects(&t, "&status=REGISTERED").await;
        assert_eq!(r["total_count"], registered, "{user}");
        assert!(r["projects"].as_array().unwrap().iter().all(|p| p["status"] == "REGISTERED"));
    }
    let admin = e.token(SERVICE, "admin").await;
    let r = e.projects(&admin, "").await;
    let states: Vec<&str> = r["projects"].as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    for s in partner_api::projects::status::ALL {
        assert!(states.contains(s), "{s}");
    }
    assert_eq!(r["projects"][0]["project_name"], "数据库上云与容灾", "newest registration first");
    let rejected = e.project_named(&admin, "物流调度系统云原生重构").await;
    assert_eq!(rejected["acceptance"]["reject_reason"], "验收报告缺少客户签章,请补充后重新提交。");
    assert!(e.project_named(&admin, ERP).await["acceptance"].is_null());
    assert_eq!(e.projects(&admin, "&keyword=%E5%8C%BB%E7%96%97").await["total_count"], 1, "keyword 医疗");
    assert_eq!(e.projects(&e.token("yunqi_services", "admin").await, "").await["total_count"], 2);
    assert_eq!(e.projects(&e.token("anxin_ops", "admin").await, "").await["total_count"], 0);
    let r = e.get(LIST, &e.token(DIST, "admin").await).await;
    assert_eq!(r.sc(), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
}

#[tokio::test]
async fn the_list_is_strict() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    e.get(&format!("{LIST}?status=DONE"), &t).await.names("status");
    e.get(&format!("{LIST}?status="), &t).await.names("status");
    e.get(&format!("{LIST}?keyword="), &t).await.names("keyword");
    e.get(&format!("{LIST}?keyword={}", "x".repeat(65)), &t).await.names("keyword");
    e.get(&format!("{LIST}?limit=101"), &t).await.names("limit");
    e.get(&format!("{LIST}?limit=5&limit=6"), &t).await.names("limit");
}

#[tokio::test]
async fn attachments_are_checked_and_taken_in_order() {
    let e = env();
    let t = e.token(SERVICE, "mike.zhou").await;
    let pid = e.project_named(&t, ERP).await["project_id"].as_str().unwrap().to_string();
    let open = |name: &str, size: u64| json!({"project_id": pid, "file_name": name, "size": size});
    let r = e.post(OPEN, &t, open("setup.exe", 10)).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ATTACHMENT_TYPE));
    let r = e.post(OPEN, &t, open("big.pdf", MAX_FILE_BYTES + 1)).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ATTACHMENT_TOO_LARGE));
    e.post(OPEN, &t, open("empty.pdf", 0)).await.names("size");
    e.post(OPEN, &t, json!({"project_id": pid, "file_name": "a.pdf", "size": 1, "mime": "x"})).await.names("mime");
    // Another account manager's project is not found.
    let other = e.project_named(&e.token(SERVICE, "admin").await, "智慧园区数据中台建设").await;
    let r = e.post(OPEN, &t, json!({"project_id": other["project_id"], "file_name": "a.pdf", "size": 1})).await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::PROJECT_NOT_FOUND));

    let size = 2 * CHUNK_BYTES + 10;
    let up = e.post(OPEN, &t, open("验收报告.PDF", size)).await.ok();
    assert_eq!((up["chunk_count"].clone(), up["complete"].clone()), (json!(3), json!(false)));
    let id = up["attachment_id"].as_str().unwrap();
    let full = base64_encode(&vec![1u8; CHUNK_BYTES as usize]);
    let r = e.post(&chunks_of(id), &t, json!({"index": 1, "data": full})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::CHUNK_OUT_OF_ORDER));
    e.post(&chunks_of(id), &t, json!({"index": 0, "data": "***"})).await.names("data");
    e.post(&chunks_of(id), &t, json!({"index": 0, "data": base64_encode(b"short")})).await.names("data");
    e.post(&chunks_of(id), &t, json!({"index": 3, "data": full})).await.names("index");
    assert_eq!(e.post(&chunks_of(id), &t, json!({"index": 0, "data": full})).await.ok()["received_chunks"], 1);
    // A resent chunk (its answer was lost) is answered as is.
    assert_eq!(e.post(&chunks_of(id), &t, json!({"index": 0, "data": full})).await.ok()["received_chunks"], 1);
    let r = e.post(&chunks_of("AT-nope"), &t, json!({"index": 0, "data": full})).await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::ATTACHMENT_NOT_FOUND));
    // Submitting with it incomplete is refused.
    let r = e.post(&format!("{LIST}/{pid}/acceptance"), &t, acceptance(&[id])).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ATTACHMENT_INCOMPLETE));
    e.post(&chunks_of(id), &t, json!({"index": 1, "data": full})).await.ok();
    let last = e.post(&chunks_of(id), &t, json!({"index": 2, "data": base64_encode(&[2u8; 10])})).await.ok();
    assert_eq!(last["complete"], true);
}

#[tokio::test]
async fn an_injected_fault_mid_upload_loses_nothing_received() {
    let e = env();
    let t = e.token(SERVICE, "admin").await;
    let pid = e.project_named(&t, ERP).await["project_id"].as_str().unwrap().to_string();
    let fault = json!({"fail_next": [{"kind": "server_error", "method": "POST", "path_prefix": OPEN, "skip": 2}]});
    e.control("/__sandbox/faults", fault).await;
    let up = e.post(OPEN, &t, json!({"project_id": pid, "file_name": "a.zip", "size": 2 * CHUNK_BYTES})).await.ok();
    let id = up["attachment_id"].as_str().unwrap();
    let full = base64_encode(&vec![1u8; CHUNK_BYTES as usize]);
    e.post(&chunks_of(id), &t, json!({"index": 0, "data": full})).await.ok();
    let r = e.post(&chunks_of(id), &t, json!({"index": 1, "data": full})).await;
    assert_eq!(r.sc(), (StatusCode::INTERNAL_SERVER_ERROR, codes::UNKNOWN));
    let r = e.post(&chunks_of(id), &t, json!({"index": 1, "data": full})).await.ok();
    assert_eq!(r["complete"], true);
}

#[tokio::test]
async fn applying_then_every_review_move() {
    let e = env();
    let t = e.token(SERVICE, "mike.zhou").await;
    let pid = e.project_named(&t, ERP).await["project_id"].as_str().unwrap().to_string();
    let path = format!("{LIST}/{pid}/acceptance");
    let a = e.upload(&t, &pid, "验收报告.pdf", CHUNK_BYTES + 1).await;
    let b = e.upload(&t, &pid, "现场照片.png", 100).await;
    // Field rules, first failing field named.
    for (field, value) in [
        ("completion_date", json!("2026-03-09")),
        ("completion_date", json!("2099-01-01")),
        ("acceptance_amount", json!(120000.01)),
        ("acceptance_amount", json!(0)),
        ("contact_phone", json!("123")),
        ("summary", json!("短")),
    ] {
        let mut bad = acceptance(&[&a]);
        bad[field] = value;
        e.post(&path, &t, bad).await.names(field);
    }
    e.post(&path, &t, acceptance(&[])).await.names("attachment_ids");
    e.post(&path, &t, acceptance(&[&a, &a])).await.names("attachment_ids");
    let mut string_amount = acceptance(&[&a]);
    string_amount["acceptance_amount"] = json!("118000.50");
    e.post(&path, &t, string_amount).await.names("acceptance_amount");

    let p = e.post(&path, &t, acceptance(&[&a, &b])).await.ok();
    assert_eq!(p["status"], "ACCEPTANCE_SUBMITTED");
    let files: Vec<&str> =
        p["acceptance"]["attachments"].as_array().unwrap().iter().map(|f| f["file_name"].as_str().unwrap()).collect();
    assert_eq!(files, ["验收报告.pdf", "现场照片.png"]);
    assert_eq!(e.project_named(&t, ERP).await["status"], "ACCEPTANCE_SUBMITTED");
    // Not twice, and used attachments are gone.
    let r = e.post(&path, &t, acceptance(&[&a])).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ACCEPTANCE_IN_REVIEW));
    let r = e.post(OPEN, &t, json!({"project_id": pid, "file_name": "a.pdf", "size": 1})).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ACCEPTANCE_IN_REVIEW));

    let mv = |action: &str, reason: Option<&str>| json!({"project_id": pid, "action": action, "reason": reason});
    e.control(REVIEW, mv("reject", Some(" "))).await.names("reason");
    assert_eq!(e.control(REVIEW, mv("start", None)).await.ok()["status"], "ACCEPTANCE_IN_REVIEW");
    let r = e.control(REVIEW, mv("start", None)).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ILLEGAL_ACCEPTANCE_TRANSITION));
    let r = e.control(REVIEW, mv("reject", Some("缺少客户签章"))).await.ok();
    assert_eq!(
        (r["status"].clone(), r["acceptance"]["reject_reason"].clone()),
        (json!("ACCEPTANCE_REJECTED"), json!("缺少客户签章"))
    );
    // Applying again after the rejection, then approved: final.
    let c = e.upload(&t, &pid, "签章版验收报告.pdf", 10).await;
    assert_eq!(e.post(&path, &t, acceptance(&[&c])).await.ok()["status"], "ACCEPTANCE_SUBMITTED");
    assert_eq!(e.control(REVIEW, mv("approve", None)).await.ok()["status"], "ACCEPTED");
    let r = e.post(&path, &t, acceptance(&[&c])).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::PROJECT_ACCEPTED));
    let r = e.control(REVIEW, mv("reject", Some("x"))).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::ILLEGAL_ACCEPTANCE_TRANSITION));
    let registering = e.project_named(&e.token(SERVICE, "admin").await, "教育直播平台扩容").await;
    let r = e
        .post(&format!("{LIST}/{}/acceptance", registering["project_id"].as_str().unwrap()), &t, acceptance(&[&c]))
        .await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::PROJECT_NOT_FOUND), "he.jing's project");
    let admin = e.token(SERVICE, "admin").await;
    let mut later = acceptance(&[&c]);
    later["completion_date"] = json!("2026-11-19");
    later["acceptance_amount"] = json!(64000);
    let r = e.post(&format!("{LIST}/{}/acceptance", registering["project_id"].as_str().unwrap()), &admin, later).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::PROJECT_NOT_REGISTERED));
    let r = e.control(REVIEW, json!({"project_id": "PJ-nope", "action": "start"})).await;
    assert_eq!(r.sc(), (StatusCode::NOT_FOUND, codes::PROJECT_NOT_FOUND));
}
