package cn.econtract.delegates.signing;

/** What {@code contract-signing.bpmn} and {@code contract-signature.bpmn} ask of the application. Implemented in contract-app. */
public interface SigningPort {

    /** 邀请签署: tells the signer it is their turn (e-mailed link for a counterparty) and says who holds the task. */
    SignerSeat invite(String signerId);

    /** 安排签署 completed: START needs the signers arranged through our API first, CANCEL a reason; else an error. */
    void arrangementChecked(String contractId, String arrangement, String note);

    /** 签署 completing: refused unless the signer's signature or refusal was recorded. */
    void signerDone(String signerId);

    /** The signer's task exists: remember it so the link, the API and batch signing find it. */
    void taskOpened(String signerId, String taskId);

    /** 催签: reminds a signer who has not signed yet. */
    void remind(String signerId);

    /** 用印审批 decided (form fields {@code decision}, {@code opinion}, as every approval task); refused without an opinion → error. */
    void sealDecided(String contractId, String taskId, String actor, String decision, String opinion);

    /** 签署中止: a refusal or the deadline ended the attempt; the drafter is told why. */
    void stopped(String contractId);

    /** 取消签署: the drafter gave up signing this contract. */
    void cancelled(String contractId, String actor, String reason);

    /** 完成签署: everyone signed and the signing worker closed the document for the long term (B-LTA); the plan ends. */
    void finished(String contractId);
}
