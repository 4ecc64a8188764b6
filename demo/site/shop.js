// The demo shop's behaviour: a catalogue, a cart in localStorage, and the provocations each page labels.
// Plain script (no build), shared by every shop page; each page says which it is in <body data-page>.

/** The catalogue. */
const PRODUCTS = [
  { id: 1, name: 'Aurora desk lamp', price: 89 },
  { id: 2, name: 'Dune floor lamp', price: 219 },
  { id: 3, name: 'Halo pendant', price: 149 },
  { id: 4, name: 'Ember bedside lamp', price: 59 },
  { id: 5, name: 'Nordic arc lamp', price: 249 },
  { id: 6, name: 'Pebble night light', price: 29 },
];

const money = (amount) => `€${amount.toFixed(2)}`;
const cart = () => JSON.parse(localStorage.getItem('shop:cart') || '[]');
const saveCart = (items) => localStorage.setItem('shop:cart', JSON.stringify(items));
const showBadge = () => {
  const badge = document.querySelector('.badge');
  if (badge) badge.textContent = String(cart().reduce((sum, item) => sum + item.quantity, 0));
};

/** A catalogue card. */
const card = (product, finish) => `<li><a class="card" href="/product/${product.id}">
  <img src="/img/lamp.svg" alt="" width="800" height="600" loading="lazy">
  <h3>${product.name}</h3>${finish ? `<p class="finish">${finish}</p>` : ''}<p class="price">${money(product.price)}</p></a></li>`;

const pages = {
  home() {
    document.querySelector('#featured').innerHTML = [PRODUCTS[0], PRODUCTS[2], PRODUCTS[4]]
      .map((product) => card(product))
      .join('');
  },

  shop() {
    const list = document.querySelector('#products');
    // Every lamp in four finishes: a list long enough to scroll back and forth.
    list.innerHTML = ['oak', 'walnut', 'brass', 'black']
      .flatMap((finish) => PRODUCTS.map((product) => card(product, finish)))
      .join('');
  },

  product() {
    const id = Number(location.pathname.split('/')[2]) || 1;
    const product = PRODUCTS.find((candidate) => candidate.id === id) || PRODUCTS[0];
    document.title = `${product.name} — Lumen`;
    document.querySelector('h1').textContent = product.name;
    document.querySelector('.price').textContent = money(product.price);

    // A promotion that arrives late and pushes the page down: a layout shift.
    setTimeout(() => {
      const promo = document.createElement('p');
      promo.className = 'promo';
      promo.textContent = 'Free delivery this week. (This banner pushed the page down: a layout shift, CLS.)';
      document.querySelector('main').prepend(promo);
    }, 1200);

    let quantity = 1;
    const output = document.querySelector('#quantity');
    document.querySelector('#less').addEventListener('click', () => {
      quantity = Math.max(1, quantity - 1);
      output.value = String(quantity);
    });
    document.querySelector('#more').addEventListener('click', () => {
      quantity = Math.min(9, quantity + 1);
      output.value = String(quantity);
    });

    document.querySelector('#add').addEventListener('click', () => {
      // Slow on purpose: a quarter of a second of work before the page can respond (a poor INP).
      const until = performance.now() + 250;
      while (performance.now() < until);
      const items = cart();
      const line = items.find((item) => item.id === product.id);
      if (line) line.quantity += quantity;
      else items.push({ id: product.id, quantity });
      saveCart(items);
      showBadge();
      document.querySelector('#added').hidden = false;
    });

    // Broken on purpose: the handler reads a field of something that is not there.
    document.querySelector('#notify').addEventListener('click', () => {
      const subscription = undefined;
      subscription.email.toLowerCase();
    });

    const reviews = [
      ['Lovely warm light, exactly as pictured.', 'Mia'],
      ['Took a week to arrive, but worth it.', 'Jon'],
      ['The dimmer is smooth and silent.', 'Ana'],
      ['Sturdier than it looks.', 'Lee'],
      ['Perfect for reading in bed.', 'Sam'],
      ['The cable could be longer.', 'Kai'],
    ];
    let page = 0;
    const showReviews = () => {
      document.querySelector('#review-list').innerHTML = reviews
        .slice(page * 2, page * 2 + 2)
        .map(([text, name]) => `<blockquote>${text} <cite>— ${name}</cite></blockquote>`)
        .join('');
      document.querySelector('#review-page').textContent = `${page + 1} / 3`;
    };
    document.querySelector('#prev').addEventListener('click', () => {
      page = Math.max(0, page - 1);
      showReviews();
    });
    document.querySelector('#next').addEventListener('click', () => {
      page = Math.min(2, page + 1);
      showReviews();
    });
    showReviews();
  },

  cart() {
    const items = cart();
    const rows = items.map((item) => {
      const product = PRODUCTS.find((candidate) => candidate.id === item.id);
      return `<li>${item.quantity} × ${product.name} <span class="price">${money(item.quantity * product.price)}</span></li>`;
    });
    document.querySelector('#lines').innerHTML = rows.join('') || '<li>Your cart is empty.</li>';
    const total = items.reduce(
      (sum, item) => sum + item.quantity * PRODUCTS.find((product) => product.id === item.id).price,
      0,
    );
    document.querySelector('#total').textContent = money(total);
  },

  checkout() {
    document.querySelector('form.checkout').addEventListener('submit', (event) => {
      event.preventDefault();
      window.pulse('track', 'order_placed');
      saveCart([]);
      // Give the SDK a moment to store the event before the page goes.
      setTimeout(() => location.assign('/checkout/done'), 300);
    });
  },

  support() {
    const form = document.querySelector('#contact');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // A custom event: the support CSAT survey is triggered by it.
      window.pulse('track', 'support_contacted', { topic: form.elements.topic.value });
      form.reset();
      document.querySelector('#sent').hidden = false;
    });
  },
};

pages[document.body.dataset.page]?.();
showBadge();
