/** The server-rendered web UI (Thymeleaf, small ES modules, no Node toolchain). */
package cn.econtract.app.web;
