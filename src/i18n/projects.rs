//! Texts of D1 交付 › 项目管理 (`Pj…`): 项目跟踪 and 申请验收. zh-CN as the console's own labels
//! (FEATURES.md D1 and the seed notes); shared words (联系人, 驳回原因, 重试, 移除…) are reused.

crate::texts! {
    PROJECT_TEXTS;
    PjNav => "项目管理", "Project management";
    PjTitle => "项目跟踪", "Project tracking";
    PjIntro => "跟踪已报备的交付项目;对报备成功的项目,单击操作列的“申请验收”。", "Track your registered delivery projects; for a successfully registered project, click “Apply for acceptance” in the Actions column.";
    PjNotForPartner => "项目管理面向服务伙伴;经销商和二级经销商没有交付项目。", "Project management is for service partners; distributors and resellers have no delivery projects.";
    PjTable => "交付项目", "Delivery projects";
    PjEmpty => "还没有交付项目。", "There are no delivery projects yet.";
    PjEmptyFiltered => "没有符合筛选条件的项目。", "No project matches these filters.";
    PjColProject => "项目名称", "Project";
    PjColProjectId => "项目编号", "Project ID";
    PjColCustomer => "客户名称", "Customer name";
    PjColContract => "合同金额", "Contract amount";
    PjColStatus => "项目状态", "Project status";
    PjColRegistered => "报备时间", "Registered on";
    PjColAcceptance => "验收申请", "Acceptance application";
    PjKeyword => "关键字", "Keyword";
    PjKeywordPlaceholder => "项目名称、编号或客户名称", "Project name, ID or customer";
    PjOnlyRegistered => "只看报备成功", "Registered only";
    PjStRegistering => "报备中", "Registering";
    PjStRegistered => "报备成功", "Registered";
    PjStSubmitted => "验收待审核", "Acceptance submitted";
    PjStInReview => "验收审核中", "Acceptance in review";
    PjStAccepted => "已验收", "Accepted";
    PjStRejected => "验收驳回", "Acceptance rejected";
    PjApply => "申请验收", "Apply for acceptance";
    PjSubmittedNotice => "验收申请已提交,等待审核。", "The acceptance application was submitted and awaits review.";
    PjBack => "返回项目跟踪", "Back to project tracking";
    PjFormProject => "验收项目", "Project";
    PjUnknownProject => "找不到此项目,或您无权查看。", "This project cannot be found, or you may not see it.";
    PjNotNow => "该项目当前不能申请验收。", "The acceptance of this project cannot be applied for now.";
    PjLoadingProject => "正在读取项目…", "Reading the project…";
    PjFormCompletion => "实际完成日期", "Actual completion date";
    PjFormAmount => "验收金额(元)", "Acceptance amount (CNY)";
    PjFormSummary => "交付说明", "Delivery summary";
    PjFormSummaryHint => "说明交付内容与验收结论,10–1000 个字符。", "What was delivered and how it was accepted, 10–1000 characters.";
    PjFormAttachments => "验收附件", "Acceptance documents";
    PjAddFiles => "添加附件", "Add files";
    PjFileWaiting => "等待上传", "Waiting";
    PjFileUploaded => "已上传", "Uploaded";
    PjFileFailed => "上传失败", "Upload failed";
    PjFileRefusedTitle => "未添加", "Not added";
    PjFileTooLarge => "文件超过 10 MB", "The file is larger than 10 MB";
    PjFileBadType => "不支持的文件类型", "This file type is not accepted";
    PjFileEmpty => "文件为空", "The file is empty";
    PjFileBadName => "文件名无效或过长", "The file name is invalid or too long";
    PjTooManyFiles => "最多 5 个附件", "At most 5 files";
    PjProblemNotDate => "请选择日期", "Choose a date";
    PjProblemBeforeRegistration => "不能早于项目报备日期", "Must not be before the project was registered";
    PjProblemFuture => "不能晚于今天", "Must not be later than today";
    PjProblemAboveContract => "不能超过合同金额", "Must not exceed the contract amount";
    PjProblemAttachmentCount => "请上传 1–5 个附件", "Attach 1–5 files";
    PjProblemAttachmentsPending => "有附件尚未上传完成:请重试或移除", "A file has not finished uploading: retry or remove it";
    PjSubmit => "提交验收申请", "Submit acceptance application";
    PjSubmitUnsure => "提交结果未知:已重新读取项目状态,请确认后再提交,以免重复申请。", "The result is unknown: the project was read again. Please check its state before applying again.";
}

crate::templates! {
    PROJECT_TEMPLATES;
    PjTotal { n } => "共 {n} 个项目", "{n} projects", one n: "{n} project";
    PjAttachLimits { types, max, count } => "支持 {types};单个文件不超过 {max},最多 {count} 个。", "Accepted: {types}; each file at most {max}, at most {count} files.";
    PjUploading { percent } => "上传中 {percent}%", "Uploading {percent}%";
    PjFiles { n } => "{n} 个附件", "{n} files", one n: "{n} file";
    PjContractOf { amount } => "合同金额 {amount}", "Contract amount {amount}";
}
