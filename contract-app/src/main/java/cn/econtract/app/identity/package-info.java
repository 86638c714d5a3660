/**
 * Identity and access (DESIGN §6, S3). One user directory for everything: Camunda's identity
 * tables hold users, departments (groups of type {@code DEPARTMENT}) and roles (groups of type
 * {@code ROLE}); Spring Security authenticates against them, Camunda's webapps and engine REST
 * API trust Spring Security's principal. Roles map to fine-grained permissions, each with a
 * department scope, in our {@code role_permission} table.
 */
package cn.econtract.app.identity;
