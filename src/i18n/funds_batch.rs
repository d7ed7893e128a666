//! Texts of the S11 batch adjustment (`Fb…`): a list pasted or read from a file, its review,
//! the progress and per-customer results, and resuming an unfinished batch.

crate::texts! {
    FUNDS_BATCH_TEXTS;
    FdTabBatch => "批量调账", "Batch adjustment";
    FbIntro => "粘贴或上传客户列表,核对后逐个客户提交。应答丢失时先核对调账记录再决定是否重发:每个客户只会调账一次。", "Paste or upload a list of customers, review it, then send it one customer at a time. When an answer is lost, the adjustment records are checked before anything is sent again: each customer is adjusted once.";
    FbListLabel => "客户列表", "Customers";
    FbListHint => "每行一个客户:客户ID、金额(元),可选第三列“拨款”或“回收”。可直接从表格粘贴;首行可为表头。最多 500 行。", "One customer a line: customer ID, amount (CNY), optionally a third column “allocate” or “reclaim”. Pasting from a spreadsheet works; the first line may be a header. At most 500 rows.";
    FbDefaultDirection => "未写明方向的行", "Rows without a direction";
    FbFor => "调账对象", "Customers of";
    FbOwnCustomers => "本伙伴的客户", "Our own customers";
    FbChooseFile => "从文件读取(CSV、TXT、XLSX)", "Read from a file (CSV, TXT, XLSX)";
    FbReview => "核对", "Review";
    FbChecking => "正在读取客户余额…", "Reading the customers' balances…";
    FbNothing => "列表为空:请粘贴或上传客户。", "The list is empty: paste or upload customers.";
    FbReviewTitle => "核对调账", "Review the adjustment";
    FbLine => "行号", "Line";
    FbGiven => "填写内容", "As given";
    FbEmptyId => "缺少客户ID。", "The customer ID is missing.";
    FbIdTooLong => "客户ID超过 64 个字符。", "The customer ID is longer than 64 characters.";
    FbMissingAmount => "缺少金额。", "The amount is missing.";
    FbBadDirection => "第三列须为“拨款”或“回收”。", "The third column must be “allocate” or “reclaim”.";
    FbTooMany => "超过 500 行上限,未读取。", "Beyond the limit of 500 rows: not read.";
    FbNoAccount => "不是您可调账的代售客户(顾问销售类客户、其他伙伴的客户或不存在的客户ID)。", "Not a resale customer you can adjust (a referral customer, another partner's, or an unknown ID).";
    FbWillSend => "将提交", "Will be sent";
    FbProblemsFirst => "有问题的行不会提交。可返回修改列表,或只提交其余的行。", "Lines with a problem are not sent. Go back to fix the list, or send only the others.";
    FbBack => "返回修改", "Back to the list";
    FbNoneToSend => "没有可提交的客户。", "There is no customer to send.";
    FbReviewTable => "核对结果", "Review";
    FbResultsTable => "调账结果", "Results";
    FbProgress => "调账进度", "Progress";
    FbStatePending => "待提交", "Waiting";
    FbStateSending => "提交中", "Sending";
    FbStateDone => "已调账", "Adjusted";
    FbStateUnknown => "待核对", "To be checked";
    FbInterrupted => "调账记录读取失败,已暂停:核对前不会重发任何客户。", "Paused: the adjustment records could not be read, and nothing is sent again before they are.";
    FbRetryFailed => "重试可重试的失败", "Retry the failed ones that may pass";
    FbNewBatch => "新的批量调账", "New batch";
    FbStop => "暂停", "Pause";
    FbPaused => "已暂停:已提交的客户不受影响,可随时继续。", "Paused: customers already sent are not affected; continue at any time.";
    FbResumeTitle => "有未完成的批量调账", "A batch adjustment was not finished";
    FbPossibleDuplicate => "调账记录中有多笔相同调账,请核对", "The records hold more than one such adjustment: check them";
}

crate::templates! {
    FUNDS_BATCH_TEMPLATES;
    FbDuplicate { line } => "该客户已在第 {line} 行出现:每个客户只调账一次。", "This customer is already on line {line}: each customer is adjusted once.";
    FbOverBalance { balance } => "回收金额超过客户可用余额 {balance}。", "More than the customer's available balance of {balance}.";
    FbSummary { n, allocate_n, allocate, reclaim_n, reclaim } => "将提交 {n} 个客户。拨款:{allocate_n} 个,共 {allocate};回收:{reclaim_n} 个,共 {reclaim}。", "Customers to send: {n}. Allocate: {allocate_n}, totalling {allocate}. Reclaim: {reclaim_n}, totalling {reclaim}.";
    FbRefusedCount { n } => "{n} 行有问题,不会提交。", "{n} lines have a problem and will not be sent.", one n: "{n} line has a problem and will not be sent.";
    FbOverAllocatable { allocatable } => "拨款合计超过可拨款金额 {allocatable}:排在后面的客户会因余额不足而失败(充值后可重试)。", "The allocations add up to more than you can allocate ({allocatable}): the last ones will fail for insufficient balance (retry them after a top-up).";
    FbConfirm { n } => "确认提交 {n} 个客户", "Send {n} customers", one n: "Send {n} customer";
    FbProgressText { done, total, ok, failed } => "已处理 {done}/{total}:成功 {ok},失败 {failed}", "{done} of {total} processed: {ok} adjusted, {failed} failed";
    FbFileRead { name, n } => "已读取 {name}:{n} 行,已放入列表,请核对。", "Read {name}: {n} lines, put in the list. Check them.", one n: "Read {name}: {n} line, put in the list. Check it.";
    FbResumeFound { n } => "之前的批量调账还有 {n} 个客户未完成。继续时会先核对调账记录,不会重复调账。", "{n} customers of an earlier batch are unfinished. Continuing checks the adjustment records first: nobody is adjusted twice.", one n: "{n} customer of an earlier batch is unfinished. Continuing checks the adjustment records first: nobody is adjusted twice.";
}
