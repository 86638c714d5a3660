package cn.econtract.app.identity;

public record Department(String id, String name) {
}
