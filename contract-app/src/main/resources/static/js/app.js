// Small progressive enhancement only: the pages work without it.
const toggle = document.querySelector('[data-menu-toggle]');
const nav = document.getElementById('sidenav');
if (toggle && nav) {
  toggle.addEventListener('click', () => {
    const open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
}
// mark the current page in the navigation
const here = window.location.pathname.split('/')[1] || 'home';
document.querySelectorAll('[data-nav]').forEach((a) => {
  if (a.dataset.nav === here || (here === '' && a.dataset.nav === 'home')) a.setAttribute('aria-current', 'page');
});
