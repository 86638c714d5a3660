/**
 * 模板 Templates: the template library, versions (draft → published → retired), variable schemas,
 * who may use, edit and publish them, and import from Word.
 */
package cn.econtract.app.template;
