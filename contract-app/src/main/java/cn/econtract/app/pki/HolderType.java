package cn.econtract.app.pki;

/** Who a certificate was issued to. */
public enum HolderType { PERSON, ORGANISATION }
